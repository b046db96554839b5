package org.salescrm.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.ServiceProcess;
import org.salescrm.embedded.SharedKafka;

/**
 * Opt-in (profile {@code soak}; 10 minutes by default, {@code -Dsoak.duration=PT2M} for a short check): the four
 * services on this machine under one rep's mixed traffic at a steady rate ({@link SalesTraffic} with list reads:
 * customers created, visits logged, deals moved through the funnel to WON, follow-ups created and completed, lists
 * read). Every {@code soak.sample} (10 s) it reads each service's resident memory (VmRSS of its process) and each
 * consumer group's lag (the broker's end offsets minus the group's committed offsets, by Kafka's admin client).
 * Asserts: no answer other than 2xx; consumer lag not growing (the last quarter's mean within the first quarter's
 * mean plus five seconds of traffic, after the warm-up); each service's RSS after the warm-up grown by at most 15%;
 * and at the end every event applied exactly once by analytics and target-service. Prints the figures.
 */
class SoakIT {

    static final SalesTraffic.Databases DATABASES = new SalesTraffic.Databases("soak_customer", "soak_visit",
            "soak_analytics", "soak_target");
    static final List<String> GROUPS = List.of("customer-service", "visit-service", "target-service",
            "analytics-service");

    static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();

    @BeforeAll
    static void startServices() {
        // Started side by side: each waits on its own readiness, the JVM start-ups overlap.
        ExecutorService starters = Executors.newFixedThreadPool(4);
        Map<String, CompletableFuture<ServiceProcess>> started = new LinkedHashMap<>();
        started.put("customer-service", start("customer-service", DATABASES.customer(), starters));
        started.put("visit-service", start("visit-service", DATABASES.visit(), starters));
        started.put("target-service", start("target-service", DATABASES.target(), starters));
        started.put("analytics-service", start("analytics-service", DATABASES.analytics(), starters));
        CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        starters.shutdown();
        started.forEach((name, future) -> {
            if (!future.isCompletedExceptionally()) {
                SERVICES.put(name, future.join());
            }
        });
        started.values().forEach(CompletableFuture::join);
    }

    private static CompletableFuture<ServiceProcess> start(String service, String database, ExecutorService on) {
        return CompletableFuture.supplyAsync(() -> RunningServices.start(service, database), on);
    }

    @AfterAll
    static void stopServices() {
        List<ServiceProcess> running = new ArrayList<>(SERVICES.values());
        java.util.Collections.reverse(running);
        running.forEach(ServiceProcess::close);
    }

    /** One reading of the whole system. */
    record Sample(long second, Map<String, Long> rssMb, long lag) {
    }

    @Test
    void steadyTrafficAnswersWithoutErrorsAndNeitherLagNorMemoryGrows() throws Exception {
        Duration duration = Duration.parse(System.getProperty("soak.duration", "PT10M"));
        Duration every = Duration.parse(System.getProperty("soak.sample", "PT10S"));
        Duration warmUp = Duration.ofSeconds(Math.min(120, duration.toSeconds() / 5));
        Duration tick = Duration.ofMillis(Long.getLong("soak.tick-ms", 100));
        SalesTraffic traffic = new SalesTraffic(SERVICES.get("customer-service").baseUrl(),
                SERVICES.get("visit-service").baseUrl(), DATABASES, true);
        List<Sample> samples = new ArrayList<>();
        long began = System.nanoTime();
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers()))) {
            try (traffic) {
                traffic.start(tick);
                while (System.nanoTime() - began < duration.toNanos()) {
                    TimeUnit.MILLISECONDS.sleep(every.toMillis());
                    samples.add(new Sample((System.nanoTime() - began) / 1_000_000_000L, rss(), lag(kafka)));
                }
            }
        }
        SalesTraffic.Source source = traffic.settle(Duration.ofSeconds(120));
        SalesTraffic.Applied applied = traffic.applied();
        long warmUpSecond = warmUp.toSeconds();
        List<Sample> steady = samples.stream().filter(s -> s.second() >= warmUpSecond).toList();
        int quarter = Math.max(1, steady.size() / 4);
        List<Sample> first = steady.subList(0, quarter);
        List<Sample> last = steady.subList(steady.size() - quarter, steady.size());
        double firstLag = first.stream().mapToLong(Sample::lag).average().orElse(0);
        double lastLag = last.stream().mapToLong(Sample::lag).average().orElse(0);
        long requestsPerSecond = Math.max(1, 1000 / tick.toMillis());

        print(duration, tick, traffic, samples, steady, firstLag, lastLag, source, applied);

        assertThat(traffic.refused()).as("answers other than 2xx: " + traffic.statuses()).isZero();
        // A consumer that keeps up holds a lag of the events in flight; one that falls behind grows it by the
        // rate it misses. Five seconds of traffic is the slack for a batch that was in flight at the reading.
        assertThat(lastLag).as("consumer lag of the last quarter against the first").isLessThanOrEqualTo(
                firstLag + 5 * requestsPerSecond);
        for (String service : SERVICES.keySet()) {
            long start = median(first, service);
            long end = median(last, service);
            // After the warm-up the heap (capped at 256 MB) has reached the size this load needs; what may still
            // grow is the JIT's code cache and metaspace as colder paths compile. 15% admits that, and not a leak
            // that grows with every request.
            assertThat(end).as(service + " RSS after warm-up, MB (start " + start + ")")
                    .isLessThanOrEqualTo(Math.round(start * 1.15));
        }
        assertThat(applied).as("each event applied exactly once by analytics and target-service")
                .isEqualTo(SalesTraffic.Applied.of(source));
        assertThat(traffic.lost().missing()).as("requests answered 2xx whose record is missing").isZero();
        assertThat(source.visits()).as("visits logged").isPositive();
        assertThat(source.wonDeals()).as("deals won").isPositive();
        assertThat(source.completedFollowUps()).as("follow-ups completed").isPositive();
    }

    private static void print(Duration duration, Duration tick, SalesTraffic traffic, List<Sample> samples,
                              List<Sample> steady, double firstLag, double lastLag, SalesTraffic.Source source,
                              SalesTraffic.Applied applied) throws IOException {
        System.out.printf("[soak] %s of traffic, one request every %d ms, load average %s%n", duration,
                tick.toMillis(), Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("[soak] answers: " + traffic.statuses());
        System.out.println("[soak] answered 2xx " + traffic.answered() + ", other " + traffic.refused());
        System.out.printf("[soak] consumer lag (events, all groups): first quarter after warm-up %.1f, last quarter"
                + " %.1f, max %d%n", firstLag, lastLag, steady.stream().mapToLong(Sample::lag).max().orElse(0));
        for (String service : SERVICES.keySet()) {
            String curve = samples.stream().filter(s -> s.second() % 60 < 10 || s == samples.get(samples.size() - 1))
                    .map(s -> s.second() + "s:" + s.rssMb().get(service))
                    .collect(Collectors.joining(" "));
            System.out.printf("[soak] %s RSS MB: after warm-up %d, end %d; curve %s%n", service,
                    steady.get(0).rssMb().get(service), steady.get(steady.size() - 1).rssMb().get(service), curve);
        }
        System.out.println("[soak] lag curve: " + samples.stream().filter(s -> s.second() % 60 < 10)
                .map(s -> s.second() + "s:" + s.lag()).collect(Collectors.joining(" ")));
        System.out.println("[soak] " + source);
        System.out.println("[soak] " + applied);
    }

    private static long median(List<Sample> samples, String service) {
        List<Long> values = samples.stream().map(s -> s.rssMb().get(service)).sorted().toList();
        return values.get(values.size() / 2);
    }

    /** Resident memory of each service's process, in MB, from {@code /proc/<pid>/status} (Linux). */
    private static Map<String, Long> rss() throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (Map.Entry<String, ServiceProcess> service : SERVICES.entrySet()) {
            String status = Files.readString(Path.of("/proc", Long.toString(service.getValue().pid()), "status"));
            long kb = status.lines().filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElseThrow();
            rss.put(service.getKey(), kb / 1024);
        }
        return rss;
    }

    /** Events not yet consumed, summed over every partition of every service's consumer group. */
    private static long lag(Admin kafka) throws Exception {
        long lag = 0;
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var ends = kafka.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, OffsetAndMetadata> partition : committed.entrySet()) {
                if (partition.getValue() != null) {
                    lag += ends.get(partition.getKey()).offset() - partition.getValue().offset();
                }
            }
        }
        return lag;
    }

}
