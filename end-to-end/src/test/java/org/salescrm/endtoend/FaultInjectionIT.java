package org.salescrm.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.testsupport.ServiceProcess;
import org.salescrm.testsupport.SharedKafka;
import org.salescrm.testsupport.SharedPostgres;

/**
 * Opt-in (profile {@code faults}, a few minutes): while a rep keeps creating customers, analytics is killed
 * (SIGKILL) five times, the Kafka broker and PostgreSQL are restarted, and customer-service, the producer, is
 * killed mid-traffic. Afterwards, counted by SQL: no answered create lost, no event left unpublished, and every
 * customer counted by analytics exactly once. Prints the time analytics took to catch up after each fault.
 */
class FaultInjectionIT {

    static ServiceProcess customers;
    static ServiceProcess analytics;

    @BeforeAll
    static void startServices() {
        customers = RunningServices.start("customer-service", "customer");
        analytics = RunningServices.start("analytics-service", "analytics");
    }

    @AfterAll
    static void stopServices() {
        analytics.close();
        customers.close();
    }

    @Test
    void nothingIsLostOrCountedTwiceThroughCrashesAndRestarts() throws Exception {
        List<String> recoveries = new ArrayList<>();
        CustomerTraffic traffic = new CustomerTraffic(customers.baseUrl());
        try (traffic) {
            traffic.start(Duration.ofMillis(50));
            await().atMost(Duration.ofSeconds(30)).until(() -> traffic.countedByAnalytics() >= 10);
            for (int i = 1; i <= 5; i++) {
                analytics.kill();
                whileDown(() -> traffic.answered() >= traffic.countedByAnalytics() + 20);
                analytics.start();
                recoveries.add("analytics SIGKILL " + i + ": " + caughtUp(traffic));
            }
            SharedKafka.stop();
            int beforeBrokerStop = traffic.answered();
            whileDown(() -> traffic.answered() >= beforeBrokerStop + 20); // creates go on, their events wait
            SharedKafka.start();
            recoveries.add("Kafka broker restart: " + caughtUp(traffic));
            SharedPostgres.stop();
            int refusedBefore = traffic.refused();
            whileDown(() -> traffic.refused() >= refusedBefore + 20);
            SharedPostgres.start();
            recoveries.add("PostgreSQL restart: " + caughtUp(traffic));
            customers.kill();
            customers.start();
            recoveries.add("customer-service SIGKILL: " + caughtUp(traffic));
        }

        CustomerTraffic.Counts counts = traffic.settle(Duration.ofSeconds(120));
        recoveries.forEach(line -> System.out.println("[faults] " + line));
        System.out.println("[faults] " + counts);
        assertThat(counts.answeredButMissing()).as("answered creates without their customer").isZero();
        assertThat(counts.unsentEvents()).as("events committed but never published").isZero();
        assertThat(counts.countedByAnalytics()).as("customers analytics counted").isEqualTo(counts.inSource());
    }

    /** An outage lasts until traffic has met it: 20 more creates answered, or refused, meanwhile. */
    private static void whileDown(Callable<Boolean> metEnoughTraffic) {
        await().atMost(Duration.ofSeconds(60)).until(metEnoughTraffic);
    }

    /** Seconds until analytics has counted every customer that existed when the fault ended. */
    private static String caughtUp(CustomerTraffic traffic) {
        long began = System.nanoTime();
        long source = await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(traffic::inSource, n -> true);
        await().atMost(Duration.ofSeconds(180)).ignoreExceptions().until(() -> traffic.countedByAnalytics() >= source);
        return String.format("caught up with %d customers %.1f s after the fault ended", source,
                (System.nanoTime() - began) / 1e9);
    }
}
