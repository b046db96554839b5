package org.salescrm.testsupport.http;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.function.Supplier;
import org.salescrm.testsupport.http.HangUpStorm.Request;

/**
 * Hangs up on every write operation a service documents, many times and concurrently, then waits until every
 * connection of its pool can be borrowed again. What the service must still hold (its answers, its data) each test checks.
 */
public final class AbortedWrites {

    static final int CLIENTS = 16;
    static final Duration LONGEST_WAIT = Duration.ofMillis(40);
    // On a crowded machine the abandoned requests still queued take a while to finish, the longer the more data the
    // module's other tests left. While transactions keep ending in the database that is work, not a leak: a pool
    // that is really stuck ends none, or never frees up at all.
    static final Duration NO_PROGRESS_BOUND = Duration.ofSeconds(30);
    static final Duration HARD_BOUND = Duration.ofMinutes(4);
    static final Duration BORROW_WAIT = Duration.ofSeconds(2);

    /**
     * What the run did: requests sent, how long after the last one every connection of the pool could be borrowed
     * again, and how many could not be by the bound: connections never given back.
     */
    public record Outcome(int sent, long allBorrowableAfterMillis, int stuckConnections) {
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
    public static Outcome hangUpOnEveryWrite(String service, URI base, Pool pool, int poolSize,
                                             Map<ApiOperation, Supplier<Request>> cases, int total) throws Exception {
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
        long start = System.nanoTime();
        int stuck = stuckConnections(pool, poolSize);
        long after = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s: %d aborted writes over %d operations; all %d connections borrowable %d ms after the last;"
                + " connections stuck: %d (pool metrics: %d active)%n", service, sent, cases.size(), poolSize, after, stuck,
                new ServiceMetrics(base).poolActive());
        if (stuck > 0) {
            System.out.printf("%s: the database's sessions:%n  %s%n", service, String.join("\n  ", DatabaseSessions.describe()));
        }
        return new Outcome(sent, after, stuck);
    }

    /**
     * Borrows the whole pool at once, again and again until it works, no transaction has ended in the database for
     * a while, or the hard bound passes; answers how many connections were missing at the last try. The pool's own
     * gauges are not enough: they drift when a borrow times out under load, while a connection that can be
     * borrowed is beyond doubt free.
     */
    public static int stuckConnections(Pool pool, int poolSize) {
        AtomicInteger missing = new AtomicInteger(poolSize);
        Progress progress = new Progress();
        try {
            Awaitility.await().atMost(HARD_BOUND).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        missing.set(poolSize - borrowable(pool, poolSize));
                        return missing.get() == 0 || progress.stalled();
                    });
        } catch (ConditionTimeoutException stillHeld) {
            // the count of the last try is the answer
        }
        return missing.get();
    }

    /** Whether the database has ended no transaction for {@link #NO_PROGRESS_BOUND}. */
    private static final class Progress {

        private long ended = DatabaseSessions.transactionsEnded();
        private long lastMovedAt = System.nanoTime();

        boolean stalled() {
            long now = System.nanoTime();
            long endedNow = DatabaseSessions.transactionsEnded();
            if (endedNow != ended) {
                ended = endedNow;
                lastMovedAt = now;
            }
            return Duration.ofNanos(now - lastMovedAt).compareTo(NO_PROGRESS_BOUND) > 0;
        }
    }

    /**
     * Borrows as many connections as it can, up to the pool's size, within a short wait, and gives them all back.
     * The borrows are never cancelled: a connection handed to a cancelled borrow would be lost for good, which is
     * the very leak this looks for. One that arrives after the wait is closed on arrival.
     */
    private static int borrowable(Pool pool, int poolSize) throws InterruptedException {
        List<SqlConnection> arrived = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch all = new CountDownLatch(poolSize);
        for (int i = 0; i < poolSize; i++) {
            pool.getConnection().subscribe().with(connection -> {
                synchronized (arrived) {
                    if (!done.get()) {
                        arrived.add(connection);
                        all.countDown();
                        return;
                    }
                }
                connection.close().subscribe().with(closed -> { }, failure -> { });
            }, failure -> { });
        }
        all.await(BORROW_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        List<SqlConnection> borrowed;
        synchronized (arrived) {
            done.set(true);
            borrowed = List.copyOf(arrived);
        }
        // Closed outside the lock: a close completes on the connection's event loop, which may be the very thread
        // waiting for the lock to hand over a late connection.
        borrowed.forEach(connection -> connection.close().await().indefinitely());
        return borrowed.size();
    }
}
