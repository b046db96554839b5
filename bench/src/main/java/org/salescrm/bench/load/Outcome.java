package org.salescrm.bench.load;

import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/** What a run of one row gave: answers per second, latency percentiles, and every request that did not succeed. */
public record Outcome(long succeeded, long failed, String firstFailure, double seconds, double p50Millis,
                      double p99Millis, double p999Millis, double maxMillis) {

    public double perSecond() {
        return succeeded / seconds;
    }

    public String percentiles() {
        return String.format("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms (max %.0f ms)", p50Millis, p99Millis,
                p999Millis, maxMillis);
    }

    public String failures() {
        return failed == 0 ? "" : String.format("; %,d failed (first: %s)", failed, firstFailure);
    }

    /** Counts answers as they come; a 2xx is a success, anything else (status or I/O error) a failure. */
    static final class Counter {
        private final AtomicLong succeeded = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();

        void count(AsyncResult<HttpResponse<Buffer>> result) {
            if (result.succeeded() && result.result().statusCode() / 100 == 2) {
                succeeded.incrementAndGet();
                return;
            }
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, result.succeeded()
                    ? result.result().statusCode() + " " + abbreviate(result.result().bodyAsString())
                    : String.valueOf(result.cause()));
        }

        void unanswered(long requests, String why) {
            if (requests > 0) {
                failed.addAndGet(requests);
                firstFailure.compareAndSet(null, why);
            }
        }

        Outcome outcome(Histogram latencies, double seconds) {
            return new Outcome(succeeded.get(), failed.get(), firstFailure.get(), seconds,
                    millis(latencies.getValueAtPercentile(50)), millis(latencies.getValueAtPercentile(99)),
                    millis(latencies.getValueAtPercentile(99.9)), millis(latencies.getMaxValue()));
        }

        private static double millis(long nanos) {
            return nanos / 1e6;
        }

        private static String abbreviate(String body) {
            return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }
}
