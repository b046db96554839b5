package org.salescrm.platform.polling;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs passes of one job on a single named daemon thread of its own, whenever {@link #wake()} asks.
 *
 * <p>Wakes are coalesced: each sets a flag that a pass clears as it begins, and passes run while
 * the flag is set. A burst of wakes therefore costs a pass or two, never a queue of them; a wake
 * during a pass gets exactly one more pass after it, so none is lost; and passes never overlap.
 * Its owner wakes it when it knows there is work (after a commit) and from a {@code @Scheduled}
 * method as a safety net for work no one announced, and calls {@link #stop} on shutdown.
 *
 * <p>The pass may block (a Kafka send, an HTTP call awaited): it runs on this thread, never on an
 * event loop, while {@link #wake()} returns at once and may be called from one.
 */
public final class CoalescingPoller {

    private static final Logger LOG = Logger.getLogger(CoalescingPoller.class);

    private final String name;
    private final Runnable pass;
    private final ExecutorService worker;
    /** A pass is wanted: set by each wake, cleared as a pass begins. */
    private final AtomicBoolean wanted = new AtomicBoolean();
    /** The worker is draining, or about to: a wake meanwhile only sets {@link #wanted}. */
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

    /** {@code name} names the thread (as thread dumps and logs show it); {@code pass} is one run of the job. */
    public CoalescingPoller(String name, Runnable pass) {
        this.name = name;
        this.pass = pass;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for a pass soon; returns at once. Does nothing once {@link #stop} has been called. */
    public void wake() {
        wanted.set(true);
        if (!stopping && running.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running.set(false); // stopped between the check and the hand-over
            }
        }
    }

    /** True once {@link #stop} has been called: a long pass checks it between its batches. */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Takes no more wakes and waits up to {@code grace} for the pass in flight to end (it is not
     * interrupted). Returns whether it ended in time.
     */
    public boolean stop(Duration grace) {
        stopping = true;
        worker.shutdown();
        try {
            return worker.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void drain() {
        try {
            while (!stopping && wanted.getAndSet(false)) {
                runPass();
            }
        } finally {
            running.set(false);
        }
        // a wake that came after the loop's last look but before the flag was down would be lost
        if (wanted.get()) {
            wake();
        }
    }

    /** A pass handles its own failures; one that escapes must not end the passes to come. */
    private void runPass() {
        try {
            pass.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: a pass failed", name);
        }
    }
}
