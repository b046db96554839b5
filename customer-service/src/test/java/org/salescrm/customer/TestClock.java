package org.salescrm.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.salescrm.testsupport.MovableClock;

/**
 * The service's clock in this module's tests, reachable from static helpers: rules about days of
 * silence are tested by moving time instead of waiting. A test that moves it puts it back with
 * {@link #reset()} before it ends.
 */
public final class TestClock {

    private static final MovableClock CLOCK = new MovableClock();

    private TestClock() {
    }

    public static void advance(Duration by) {
        CLOCK.advance(by);
    }

    public static void reset() {
        CLOCK.reset();
    }

    public static Instant now() {
        return CLOCK.instant();
    }

    /** The bean every service class gets instead of platform's @DefaultBean clock. */
    @ApplicationScoped
    public static class Producer {
        @Produces
        @ApplicationScoped
        Clock clock() {
            return CLOCK;
        }
    }
}
