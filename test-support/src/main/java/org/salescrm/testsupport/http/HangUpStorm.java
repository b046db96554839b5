package org.salescrm.testsupport.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Many clients hanging up at once: each request of every operation is sent whole and the connection reset after
 * a random wait, so that across the run the reset lands at every point of the server's work (before the
 * transaction, inside it, while committing, after).
 */
public final class HangUpStorm {

    /** A request ready to send: built fresh for each attempt, so creates do not all collide on one key. */
    public record Request(String method, String path, String body, Map<String, String> headers) {
    }

    private final HangingUpClient client;
    private final int clients;
    private final Duration longestWait;

    public HangUpStorm(HangingUpClient client, int clients, Duration longestWait) {
        this.client = client;
        this.clients = clients;
        this.longestWait = longestWait;
    }

    /** Sends {@code total} requests, taking the operations in turn; answers how many were sent. */
    public int run(List<Supplier<Request>> operations, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        Request request = operations.get(n % operations.size()).get();
                        client.send(request.method(), request.path(), request.body(), request.headers(), randomWait());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private Duration randomWait() {
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(longestWait.toNanos() + 1));
    }
}
