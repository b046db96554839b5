package org.salescrm.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The service's clock in tests: the real time plus an offset a test may set, so rules about days
 * of silence are tested by moving time instead of waiting. Replaces platform's default clock bean.
 * A test that moves it must put it back ({@link #reset()}) before it ends.
 */
public final class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;
    private final Clock base;

    public TestClock() {
        this(ZoneId.of("Asia/Shanghai"));
    }

    private TestClock(ZoneId zone) {
        this.base = Clock.system(zone);
    }

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    public static Instant now() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** The same moved time, read in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(zone);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    /** The bean every service class gets instead of platform's @DefaultBean clock. */
    @ApplicationScoped
    public static class Producer {
        @Produces
        @ApplicationScoped
        Clock clock() {
            return new TestClock();
        }
    }
}
