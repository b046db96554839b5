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
import org.salescrm.embedded.ServiceProcess;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.embedded.SharedPostgres;

/**
 * Opt-in (profile {@code faults}, a few minutes): while a rep creates customers, logs visits, moves deals through
 * the funnel to WON and creates and completes follow-ups, analytics is killed (SIGKILL) five times, the Kafka
 * broker and PostgreSQL are restarted, and customer-service, a producer, is killed mid-traffic. Afterwards, counted
 * by SQL: no request answered 2xx lost, no event left unpublished, and every event applied exactly once by each
 * consumer that counts it: analytics (new customers, visits, won deals, completed follow-ups) and target-service
 * (new customers, visits, won deals). Prints the time the consumers took to catch up after each fault.
 */
class FaultInjectionIT {

    static final SalesTraffic.Databases DATABASES = new SalesTraffic.Databases("faults_customer", "faults_visit",
            "faults_analytics", "faults_target");

    static ServiceProcess customers;
    static ServiceProcess visits;
    static ServiceProcess targets;
    static ServiceProcess analytics;

    @BeforeAll
    static void startServices() {
        customers = RunningServices.start("customer-service", DATABASES.customer());
        visits = RunningServices.start("visit-service", DATABASES.visit());
        targets = RunningServices.start("target-service", DATABASES.target());
        analytics = RunningServices.start("analytics-service", DATABASES.analytics());
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess service : new ServiceProcess[] {analytics, targets, visits, customers}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void nothingIsLostOrAppliedTwiceThroughCrashesAndRestarts() throws Exception {
        List<String> recoveries = new ArrayList<>();
        SalesTraffic traffic = new SalesTraffic(customers.baseUrl(), visits.baseUrl(), DATABASES, false);
        try (traffic) {
            traffic.start(Duration.ofMillis(50));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> traffic.applied().analyticsVisits() >= 3 && traffic.applied().targetWonDeals() >= 1);
            for (int i = 1; i <= 5; i++) {
                analytics.kill();
                int before = traffic.answered();
                whileDown(() -> traffic.answered() >= before + 20);
                analytics.start();
                recoveries.add("analytics SIGKILL " + i + ": " + caughtUp(traffic));
            }
            SharedKafka.stop();
            int beforeBrokerStop = traffic.answered();
            whileDown(() -> traffic.answered() >= beforeBrokerStop + 20); // requests go on, their events wait
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

        SalesTraffic.Source source = traffic.settle(Duration.ofSeconds(180));
        SalesTraffic.Applied applied = traffic.applied();
        SalesTraffic.Lost lost = traffic.lost();
        long unsent = traffic.unsentEvents();
        recoveries.forEach(line -> System.out.println("[faults] " + line));
        System.out.println("[faults] answers: " + traffic.statuses());
        System.out.println("[faults] answered 2xx " + traffic.answered() + ", refused or unanswered "
                + traffic.refused());
        System.out.println("[faults] " + lost);
        System.out.println("[faults] " + source);
        System.out.println("[faults] " + applied);
        System.out.println("[faults] unsent events: " + unsent);
        assertThat(lost.missing()).as("requests answered 2xx whose record is missing").isZero();
        assertThat(unsent).as("events committed but never published").isZero();
        assertThat(applied).as("each event applied exactly once by analytics and target-service")
                .isEqualTo(SalesTraffic.Applied.of(source));
        assertThat(source.visits()).as("visits logged through the faults").isPositive();
        assertThat(source.wonDeals()).as("deals won through the faults").isPositive();
        assertThat(source.completedFollowUps()).as("follow-ups completed through the faults").isPositive();
    }

    /** An outage lasts until traffic has met it: 20 more requests answered, or refused, meanwhile. */
    private static void whileDown(Callable<Boolean> metEnoughTraffic) {
        await().atMost(Duration.ofSeconds(60)).until(metEnoughTraffic);
    }

    /** Seconds until every consumer has applied every record that existed when the fault ended. */
    private static String caughtUp(SalesTraffic traffic) {
        long began = System.nanoTime();
        SalesTraffic.Source source = await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(traffic::source, s -> true);
        await().atMost(Duration.ofSeconds(180)).ignoreExceptions().until(() -> traffic.applied().atLeast(source));
        return String.format("caught up with %s %.1f s after the fault ended", source,
                (System.nanoTime() - began) / 1e9);
    }

}
