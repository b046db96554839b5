package org.salescrm.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A service's clock in tests: the real time in the business zone, which a test may move forward
 * ({@link #advance}) or hold at an instant ({@link #fixAt}), so rules about days and deadlines are
 * tested without waiting. Microsecond precision, as PostgreSQL stores instants. A test that moves
 * it puts it back ({@link #reset}) before it ends.
 */
public class MovableClock extends Clock {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant fixed;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void fixAt(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        offset = Duration.ZERO;
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return BUSINESS_ZONE;
    }

    /** The same moved time, read in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }
}
