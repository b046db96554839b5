package org.salescrm.analytics.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCatalog;
import org.salescrm.events.Topics;
import org.salescrm.events.visit.FollowUpCreated;
import org.salescrm.embedded.SharedKafka;

/**
 * A measurement, not part of {@code verify}: produces {@code measure.events} (50,000) events of a realistic mix
 * straight to the four topics, times ingest until the service's consumer group has no lag left on them, and prints
 * events per second. Run it alone:
 * {@code ./mvnw -B -ntp -pl analytics-service -am verify -Dit.test=IngestThroughputMeasurement -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
class IngestThroughputMeasurement {

    static final int EVENTS = Integer.getInteger("measure.events", 50_000);
    /** Events per customer in the mix below. */
    static final int PER_CUSTOMER = 25;
    /** The consumers that apply the four topics to the service's state, and the one that offers them to webhooks. */
    static final String STATE =
            "'analytics.customers', 'analytics.opportunities', 'analytics.visits', 'analytics.follow-ups'";
    static final String DELIVERIES = "'analytics.event-deliveries'";
    static final List<String> TOPICS = List.of(Topics.CUSTOMERS, Topics.OPPORTUNITIES, Topics.VISITS,
            Topics.FOLLOW_UPS);

    @Inject
    Pool pool;

    @Test
    void ingestsABacklog() throws Exception {
        try (Admin admin = Admin.create(adminConfig())) {
            awaitNoLag(admin, Duration.ofMinutes(2)); // whatever earlier tests left
            Db db = new Db(pool);
            long marksBefore = marks(db, STATE);
            long deliveryMarksBefore = marks(db, DELIVERIES);
            List<ProducerRecord<String, String>> records = records(EVENTS / PER_CUSTOMER);
            long start = System.nanoTime();
            Events.kafka().produceStrings().fromRecords(records).awaitCompletion(Duration.ofMinutes(5));
            double produced = seconds(start);
            // applied: every event's processed mark is written (committed offsets trail by the commit interval)
            double applied = awaitMarks(db, STATE, marksBefore + records.size(), start);
            awaitNoLag(admin, Duration.ofMinutes(5));
            double noLag = seconds(start);
            double offered = awaitMarks(db, DELIVERIES, deliveryMarksBefore + records.size(), start);
            System.out.printf("%nINGEST MEASUREMENT: %d events produced in %.1f s; all applied to the state after %.1f s:"
                    + " %.0f events/s; consumer lag 0 after %.1f s: %.0f events/s; all offered to webhooks after"
                    + " %.1f s: %.0f events/s%n%n", records.size(), produced, applied, records.size() / applied, noLag,
                    records.size() / noLag, offered, records.size() / offered);
            long visits = db.count("SELECT count(*) FROM visit_fact");
            assertThat(visits).isGreaterThanOrEqualTo(12L * (EVENTS / PER_CUSTOMER));
        }
    }

    /** Per customer: created, regraded, two deals opened and moved twice each, 12 visits, 3 follow-ups (2 completed). */
    static List<ProducerRecord<String, String>> records(int customers) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            UUID customer = UUID.randomUUID();
            String rep = "rep-measure-" + (c % 50);
            String team = "measure-" + (c % 5);
            Instant t = now.minus(Duration.ofDays(100));
            List<DomainEvent> events = new ArrayList<>();
            events.add(Fixtures.customer(customer, rep, team, "B", t));
            events.add(Fixtures.regraded(customer, 1, rep, team, "A", t.plus(Duration.ofDays(1))));
            for (int o = 0; o < 2; o++) {
                UUID opportunity = UUID.randomUUID();
                LocalDate close = Fixtures.day(now).plusDays(60);
                BigDecimal amount = new BigDecimal("100000");
                events.add(Fixtures.opened(customer, opportunity, rep, team, t.plus(Duration.ofDays(2)), amount, close));
                events.add(Fixtures.moved(customer, opportunity, 1, rep, team, "TARGET", "POTENTIAL",
                        t.plus(Duration.ofDays(10)), amount, close));
                events.add(Fixtures.moved(customer, opportunity, 2, rep, team, "POTENTIAL", "INTENT",
                        t.plus(Duration.ofDays(20)), amount, close));
            }
            for (int v = 0; v < 12; v++) {
                events.add(Fixtures.visit(customer, null, rep, team, t.plus(Duration.ofDays(3 + 8L * v)),
                        v % 5 == 0 ? "NEGATIVE" : "POSITIVE", v % 2 == 0));
            }
            for (int f = 0; f < 3; f++) {
                FollowUpCreated created = Fixtures.followUp(customer, UUID.randomUUID(), rep, team,
                        t.plus(Duration.ofDays(5 + f)), Fixtures.day(now).plusDays(f - 1));
                events.add(created);
                if (f < 2) {
                    events.add(Fixtures.completed(created, 1, t.plus(Duration.ofDays(30 + f))));
                }
            }
            events.forEach(e -> records.add(record(e)));
        }
        return records;
    }

    /** Seconds since {@code start} until the consumers' marks reach {@code count}. */
    static double awaitMarks(Db db, String consumers, long count, long start) {
        Awaitility.await("events applied").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> marks(db, consumers) >= count);
        return seconds(start);
    }

    static long marks(Db db, String consumers) {
        return db.count("SELECT count(*) FROM processed_event WHERE consumer IN (" + consumers + ")");
    }

    static ProducerRecord<String, String> record(DomainEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(EventCatalog.typeOf(event.getClass()).topic(),
                event.partitionKey().toString(), Events.json(event));
        record.headers().add("content-type",
                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    static void awaitNoLag(Admin admin, Duration atMost) {
        Awaitility.await("consumer lag 0").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> lag(admin) == 0);
    }

    /** Records on the four topics the service's group has not committed yet. */
    static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("analytics-service")
                .partitionsToOffsetAndMetadata().get();
        Set<TopicPartition> partitions = admin.describeTopics(TOPICS).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata at = committed.get(p);
            lag += ends.get(p).offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    static Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        return config;
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
