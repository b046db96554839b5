package org.salescrm.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races calls against each other: all start together, released by one latch, as two offline retries would. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code call} {@code times} times at once and returns every result, in submission order. */
    public static <T> List<T> run(int times, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> pending = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : pending) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
