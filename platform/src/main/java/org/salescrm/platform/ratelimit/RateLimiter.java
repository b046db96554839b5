package org.salescrm.platform.ratelimit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per caller: {@code burst} tokens, refilled at {@code requestsPerSecond}. */
@ApplicationScoped
public class RateLimiter {

    /** A bucket idle this long is full again, so forgetting it changes nothing. */
    private static final long IDLE_MILLIS = 10 * 60 * 1000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final RateLimitConfig config;
    private final Clock clock;

    public RateLimiter(RateLimitConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Takes a token; when there is none, returns the whole seconds to wait, else 0. */
    public long acquire(String caller) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(caller, key -> new Bucket(config.burst(), now));
        synchronized (bucket) {
            bucket.refill(now, config.requestsPerSecond(), config.burst());
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / config.requestsPerSecond());
        }
    }

    @Scheduled(every = "5m")
    void forgetIdleCallers() {
        long now = clock.millis();
        buckets.values().removeIf(bucket -> now - bucket.updatedAt > IDLE_MILLIS);
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        private Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }

        private void refill(long now, double perSecond, int capacity) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * perSecond / 1000.0);
            updatedAt = now;
        }
    }
}
