package org.salescrm.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-03T09:30:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static RateLimitConfig config(double perSecond, int burst) {
        return new RateLimitConfig() {
            public boolean enabled() {
                return true;
            }

            public double requestsPerSecond() {
                return perSecond;
            }

            public int burst() {
                return burst;
            }

            public int maxCallers() {
                return 1000;
            }
        };
    }

    @Test
    void burstIsServedThenTheCallerWaits() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(config(2, 3), clock);

        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);
    }

    @Test
    void tokensComeBackWithTime() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(config(2, 1), clock);
        limiter.acquire("a");

        clock.now = clock.now.plus(Duration.ofMillis(500));

        assertThat(limiter.acquire("a")).isZero();
    }

    @Test
    void aClockSteppedBackDoesNotDrainTheBucket() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(config(2, 3), clock);
        limiter.acquire("a");

        clock.now = clock.now.minus(Duration.ofDays(3));

        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
    }

    @Test
    void callersHaveSeparateBudgets() {
        RateLimiter limiter = new RateLimiter(config(1, 1), new ManualClock());
        limiter.acquire("a");

        assertThat(limiter.acquire("a")).isPositive();
        assertThat(limiter.acquire("b")).isZero();
    }
}
