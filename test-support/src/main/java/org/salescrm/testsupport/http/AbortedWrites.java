package org.salescrm.testsupport.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.salescrm.testsupport.http.HangUpStorm.Request;

/**
 * Hangs up on every write operation a service documents, many times and concurrently, then waits for its
 * connection pool to be idle again. What the service must still hold (its answers, its data) each test checks.
 */
public final class AbortedWrites {

    static final int CLIENTS = 16;
    static final Duration LONGEST_WAIT = Duration.ofMillis(40);
    // Generous for a crowded machine, where the abandoned requests still queued take a while to finish; a
    // connection that is really stuck is never given back at all.
    static final Duration IDLE_BOUND = Duration.ofSeconds(60);

    /** What the run did: requests sent, how long the pool took to be idle after the last, connections still held. */
    public record Outcome(int sent, long idleAfterMillis, long stuckConnections) {
    }

    private AbortedWrites() {
    }

    /**
     * {@code count} requests that each need a record of their own (a visit to correct, a deal to lose), made
     * before the storm through the API, a few at a time, so the storm itself is all hang-ups.
     */
    public static Supplier<Request> prepared(int count, Supplier<Request> make) throws Exception {
        ExecutorService makers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Request>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                made.add(makers.submit(make::get));
            }
            Queue<Request> requests = new ConcurrentLinkedQueue<>();
            for (Future<Request> request : made) {
                requests.add(request.get());
            }
            return requests::remove;
        } finally {
            makers.shutdownNow();
        }
    }

    /**
     * Fails unless {@code cases} has a request for every write operation of the service's OpenAPI document (so a new
     * endpoint cannot go untested), sends {@code total} of them, hanging up on each, and reports the pool.
     */
    public static Outcome hangUpOnEveryWrite(String service, URI base, Map<ApiOperation, Supplier<Request>> cases,
                                             int total) throws Exception {
        Set<ApiOperation> documented = new HashSet<>(OpenApiDocument.of(base).writeOperations());
        if (!documented.equals(cases.keySet())) {
            Set<ApiOperation> missing = new HashSet<>(documented);
            missing.removeAll(cases.keySet());
            Set<ApiOperation> unknown = new HashSet<>(cases.keySet());
            unknown.removeAll(documented);
            throw new AssertionError(service + ": write operations without an abort case " + missing
                    + ", abort cases for no documented operation " + unknown);
        }
        int sent = new HangUpStorm(new HangingUpClient(base), CLIENTS, LONGEST_WAIT).run(List.copyOf(cases.values()), total);
        ServiceMetrics metrics = new ServiceMetrics(base);
        long idleAfter = awaitIdle(metrics);
        long stuck = fewestActive(metrics);
        System.out.printf("%s: %d aborted writes over %d operations; pool idle %d ms after the last; connections stuck: %d%n",
                service, sent, cases.size(), idleAfter, stuck);
        if (stuck > 0) {
            System.out.printf("%s: %d waiting for a connection; the database's sessions:%n  %s%n", service,
                    metrics.poolWaiting(), String.join("\n  ", DatabaseSessions.describe()));
        }
        return new Outcome(sent, idleAfter, stuck);
    }

    /** The relay and the jobs borrow a connection now and then: a stuck one is held in every sample. */
    private static long fewestActive(ServiceMetrics pool) throws InterruptedException {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            fewest = Math.min(fewest, pool.poolActive());
            Thread.sleep(50);
        }
        return fewest;
    }

    private static long awaitIdle(ServiceMetrics pool) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + IDLE_BOUND.toNanos();
        while (pool.poolActive() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
