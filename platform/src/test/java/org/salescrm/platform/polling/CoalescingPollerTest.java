package org.salescrm.platform.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescingPollerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough for a pass that should not come to have come. */
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final AtomicInteger passes = new AtomicInteger();
    private final CountDownLatch firstPassStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstPass = new CountDownLatch(1);
    private CoalescingPoller poller;

    @AfterEach
    void stop() {
        releaseFirstPass.countDown();
        if (poller != null) {
            poller.stop(WAIT);
        }
    }

    /** Counts passes; the first one waits until the test lets it go. */
    private void blockingFirstPass() {
        if (passes.incrementAndGet() == 1) {
            firstPassStarted.countDown();
            await(releaseFirstPass);
        }
    }

    @Test
    void aWakeWhileIdleRunsOnePass() throws Exception {
        poller = new CoalescingPoller("test-poller", passes::incrementAndGet);

        poller.wake();

        waitUntil(() -> passes.get() == 1);
        holds(() -> passes.get() == 1);
    }

    @Test
    void aBurstOfWakesDuringAPassCostsExactlyOneMorePass() throws Exception {
        poller = new CoalescingPoller("test-poller", this::blockingFirstPass);
        poller.wake();
        await(firstPassStarted);

        for (int i = 0; i < 1000; i++) {
            poller.wake();
        }
        releaseFirstPass.countDown();

        waitUntil(() -> passes.get() == 2);
        holds(() -> passes.get() == 2); // passes for 1 wake, then 1000 during the first pass
    }

    @Test
    void passesNeverOverlapAndTheLastWakeIsServed() throws Exception {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger mostActive = new AtomicInteger();
        AtomicLong wakes = new AtomicLong();
        AtomicLong wakesSeenByLastPass = new AtomicLong();
        poller = new CoalescingPoller("test-poller", () -> {
            mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            wakesSeenByLastPass.set(wakes.get());
            passes.incrementAndGet();
            busy(Duration.ofNanos(50_000));
            active.decrementAndGet();
        });

        List<Thread> wakers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread waker = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    wakes.incrementAndGet();
                    poller.wake();
                    if (i % 100 == 0) {
                        busy(Duration.ofNanos(200_000));
                    }
                }
            });
            wakers.add(waker);
            waker.start();
        }
        for (Thread waker : wakers) {
            waker.join();
        }

        waitUntil(() -> wakesSeenByLastPass.get() == 20_000);
        assertThat(mostActive).as("passes running at once").hasValue(1);
        assertThat(passes.get()).as("passes for 20,000 wakes").isLessThan(20_000);
    }

    @Test
    void passesRunOnTheNamedDaemonThread() {
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        poller = new CoalescingPoller("outbox-relay", () -> ranOn.complete(Thread.currentThread()));

        poller.wake();

        Thread thread = ranOn.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        assertThat(thread.getName()).isEqualTo("outbox-relay");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread).isNotSameAs(Thread.currentThread());
    }

    @Test
    void stopWaitsForThePassInFlightThenTakesNoMoreWakes() throws Exception {
        poller = new CoalescingPoller("test-poller", this::blockingFirstPass);
        poller.wake();
        await(firstPassStarted);
        poller.wake(); // would be one more pass, but the poller stops first

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> poller.stop(WAIT));
        holds(() -> !stopped.isDone()); // stop waits while a pass is in flight
        assertThat(poller.stopping()).isTrue();

        releaseFirstPass.countDown();
        assertThat(stopped.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the pass ended within the grace").isTrue();
        poller.wake();
        holds(() -> passes.get() == 1);
    }

    @Test
    void stopGivesUpOnAPassThatOutlastsItsGrace() {
        poller = new CoalescingPoller("test-poller", this::blockingFirstPass);
        poller.wake();
        await(firstPassStarted);

        assertThat(poller.stop(Duration.ofMillis(100))).isFalse();
    }

    @Test
    void aPassThatThrowsDoesNotEndThePassesToCome() {
        poller = new CoalescingPoller("test-poller", () -> {
            if (passes.incrementAndGet() == 1) {
                poller.wake(); // work announced during the pass that fails
                throw new IllegalStateException("the first pass fails");
            }
        });

        poller.wake();

        waitUntil(() -> passes.get() == 2);
    }

    private static void waitUntil(Callable<Boolean> condition) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(condition);
    }

    /** The condition stays true for {@link #SETTLE}: what should not happen did not. */
    private static void holds(Callable<Boolean> condition) {
        Awaitility.await().during(SETTLE).atMost(SETTLE.plus(WAIT)).until(condition);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("latch released in time").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void busy(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
