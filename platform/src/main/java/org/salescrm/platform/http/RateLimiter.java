package org.salescrm.platform.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/** A token bucket per caller: {@code burst} tokens, refilled at {@code requestsPerSecond}. */
@ApplicationScoped
public class RateLimiter {

    /** A bucket idle this long is full again, so forgetting it changes nothing. */
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final Cache<String, Bucket> buckets;
    private final RateLimitConfig config;
    private final Clock clock;

    public RateLimiter(RateLimitConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        // Bounded, so that a flood of distinct callers costs a fixed amount of memory.
        this.buckets = Caffeine.newBuilder().maximumSize(config.maxCallers()).expireAfterAccess(IDLE).build();
    }

    /** Takes a token; when there is none, returns the whole seconds to wait, else 0. */
    public long acquire(String caller) {
        long now = clock.millis();
        Bucket bucket = buckets.get(caller, key -> new Bucket(config.burst(), now));
        synchronized (bucket) {
            bucket.refill(now, config.requestsPerSecond(), config.burst());
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / config.requestsPerSecond());
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        private Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }

        private void refill(long now, double perSecond, int capacity) {
            // a clock stepped back (NTP, a test clock) must not drain the bucket
            long elapsed = Math.max(0, now - updatedAt);
            tokens = Math.min(capacity, tokens + elapsed * perSecond / 1000.0);
            updatedAt = now;
        }
    }
}
