package org.salescrm.analytics.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The service's clock in tests: real time moved by an offset, so a test can stand "16 days later"
 * without waiting. Replaces the platform's default clock bean; tests put it back with {@link #reset()}.
 */
@Singleton
public class TestClock extends Clock {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return BUSINESS_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves "now" forward (or back) by this much from wherever it is. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
