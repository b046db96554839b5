package org.salescrm.target;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in tests: the real time in the business zone until a test fixes it.
 * Replaces the platform's default clock bean; a test that fixes it resets it when done.
 */
@Singleton
public class TestClock extends Clock {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private volatile Instant fixed;

    public void fixAt(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return BUSINESS_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the business zone is fixed");
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Always the real time: the platform's rate limiter measures elapsed time with {@code millis()},
     * and a business time set years ahead and then reset would leave its buckets in debt.
     */
    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
