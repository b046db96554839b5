package org.salescrm.bench.load;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The load generator: Vert.x' web client on one event loop, latencies in HdrHistogram.
 * <p>
 * {@link #maxThroughput} is a closed loop (a fixed number of requests in flight, each sent when one completes): it
 * finds the most the service answers per second. {@link #constantRate} is an open loop: request i is due at
 * start + i / rate whatever happened before, and its latency runs from that due time, not from when it was actually
 * sent. A service that stalls for a second so charges every request that should have gone out in that second, which a
 * closed loop would quietly not send (coordinated omission).
 */
public final class Generator implements AutoCloseable {

    /** Enough connections that the client's pool is never the queue being measured. */
    private static final int MAX_CONNECTIONS = 256;
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(5);
    /** How long after the last request is due the run waits for answers. */
    private static final Duration UNANSWERED_AFTER = Duration.ofSeconds(60);
    private static final Duration DRAIN = Duration.ofSeconds(120);

    private final Vertx vertx = Vertx.vertx();
    private final WebClient client = WebClient.create(vertx, new WebClientOptions()
            .setMaxPoolSize(MAX_CONNECTIONS).setKeepAlive(true).setConnectTimeout(5_000).setIdleTimeout(0));

    /** Requests answered per second with {@code inFlight} always outstanding, after a warm-up. */
    public Outcome maxThroughput(ApiCall call, int inFlight, Duration warmUp, Duration measured) {
        closedLoop(call, inFlight, warmUp);
        return closedLoop(call, inFlight, measured);
    }

    public Outcome constantRate(ApiCall call, int perSecond, Duration measured) {
        long total = perSecond * measured.toSeconds();
        double interval = 1e9 / perSecond;
        Histogram latencies = new ConcurrentHistogram(HIGHEST_NANOS, 3);
        Outcome.Counter counter = new Outcome.Counter();
        Map<Long, Long> outstanding = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch((int) total);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        // A 1 ms timer sends whatever has fallen due: never later than 1 ms behind schedule, and that is measured too.
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (next.get() < total && start + (long) (next.get() * interval) <= now) {
                long request = next.getAndIncrement();
                long due = start + (long) (request * interval);
                outstanding.put(request, due);
                call.send(client).onComplete(result -> {
                    if (outstanding.remove(request) != null) {
                        latencies.recordValue(Math.min(System.nanoTime() - due, HIGHEST_NANOS));
                        counter.count(result);
                    }
                    done.countDown();
                });
            }
            if (next.get() >= total) {
                vertx.cancelTimer(timer);
            }
        });
        Duration patience = measured.plus(UNANSWERED_AFTER);
        await(done, patience);
        chargeUnanswered(outstanding, latencies, counter, patience);
        Outcome outcome = counter.outcome(latencies, (System.nanoTime() - start) / 1e9);
        // Whatever is still queued in the service would load the next row: let it finish first (not measured).
        await(done, DRAIN);
        return outcome;
    }

    /**
     * Requests still unanswered when the run stops waiting count as failures, and their latency so far is recorded:
     * leaving them out would report an overloaded service's percentiles from its fastest answers only.
     */
    private static void chargeUnanswered(Map<Long, Long> outstanding, Histogram latencies, Outcome.Counter counter,
                                         Duration patience) {
        long now = System.nanoTime();
        List<Long> due = new ArrayList<>();
        outstanding.keySet().forEach(request -> {
            Long at = outstanding.remove(request);
            if (at != null) {
                due.add(at);
            }
        });
        due.forEach(at -> latencies.recordValue(Math.min(now - at, HIGHEST_NANOS)));
        counter.unanswered(due.size(), "no answer within " + patience.toSeconds() + " s of the run's start");
    }

    public Outcome closedLoop(ApiCall call, int inFlight, Duration length) {
        Histogram latencies = new ConcurrentHistogram(HIGHEST_NANOS, 3);
        Outcome.Counter counter = new Outcome.Counter();
        CountDownLatch done = new CountDownLatch(inFlight);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        for (int i = 0; i < inFlight; i++) {
            vertx.runOnContext(ignored -> sendUntil(call, end, latencies, counter, done));
        }
        await(done, length.plusSeconds(120));
        return counter.outcome(latencies, (System.nanoTime() - start) / 1e9);
    }

    private void sendUntil(ApiCall call, long end, Histogram latencies, Outcome.Counter counter, CountDownLatch done) {
        long sent = System.nanoTime();
        if (sent >= end) {
            done.countDown();
            return;
        }
        call.send(client).onComplete(result -> {
            latencies.recordValue(Math.min(System.nanoTime() - sent, HIGHEST_NANOS));
            counter.count(result);
            sendUntil(call, end, latencies, counter, done);
        });
    }

    private static void await(CountDownLatch done, Duration timeout) {
        try {
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                System.out.println("[bench] WARNING: " + done.getCount() + " requests still unanswered after " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
