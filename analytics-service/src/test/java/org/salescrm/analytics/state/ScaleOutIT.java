package org.salescrm.analytics.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salescrm.analytics.support.Fixtures.day;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.delivery.stream.SseClient;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.embedded.ServiceProcess;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCatalog;
import org.salescrm.events.Topics;
import org.salescrm.testsupport.TestTokens;

/**
 * Two instances share the facts channel's partitions: this test's application and a second analytics-service started
 * from the packaged application on the same database and broker. Each owns the same partition of all four
 * customer-keyed topics (the range assignor), and events of many customers, produced on the four topics at once, are
 * each applied exactly once, with the state and alerts that need facts from several topics right, and no lock
 * between the instances' batches.
 */
@QuarkusTest
@TestProfile(ScaleOutIT.OneConsumerAnInstance.class)
class ScaleOutIT {

    static final String GROUP = "analytics-service";
    static final String FACT_CONSUMERS = "mp.messaging.incoming.facts.concurrency";
    static final List<String> TOPICS = List.of(Topics.CUSTOMERS, Topics.OPPORTUNITIES, Topics.VISITS, Topics.FOLLOW_UPS);
    static final int CUSTOMERS = 60;
    static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    Pool pool;

    Db db;
    Admin admin;
    ServiceProcess second;

    @BeforeEach
    void connect() {
        db = new Db(pool);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()));
    }

    @AfterEach
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            // The tests after this one find this application owning every partition again, not mid-rebalance.
            await().atMost(WAIT).until(() -> factMembers().size() == 1
                    && factMembers().values().iterator().next().size() == partitionsOfEachTopic() * TOPICS.size());
        }
        admin.close();
    }

    @Test
    void twoInstancesShareThePartitionsAndApplyEveryEventOnceWithItsCustomersStateRight() throws Exception {
        int partitions = partitionsOfEachTopic();
        assertThat(partitions).as("partitions of each customer-keyed topic").isGreaterThanOrEqualTo(2);

        second = secondInstance().start();
        await().atMost(WAIT).until(() -> factMembers().size() == 2
                && factMembers().values().stream().allMatch(owned -> !owned.isEmpty()));
        Map<String, Set<TopicPartition>> members = factMembers();
        // Co-partitioned: each member owns the same partition numbers of all four topics, and together all of them.
        for (Set<TopicPartition> owned : members.values()) {
            Set<Integer> numbers = numbers(owned, Topics.CUSTOMERS);
            assertThat(numbers).isNotEmpty();
            for (String topic : TOPICS) {
                assertThat(numbers(owned, topic)).as("%s of the member owning %s", topic, owned).isEqualTo(numbers);
            }
        }
        assertThat(members.values().stream().mapToInt(Set::size).sum()).isEqualTo(partitions * TOPICS.size());
        Map<TopicPartition, Long> endsBefore = endOffsets(partitions);

        String rep = "rep-" + UUID.randomUUID();
        String team = "team-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> customers = new ArrayList<>();
        Map<UUID, UUID> opportunityOf = new HashMap<>();
        Map<UUID, Instant> visitedAt = new HashMap<>();
        Map<String, List<DomainEvent>> byTopic = new HashMap<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            UUID customer = UUID.randomUUID();
            UUID opportunity = UUID.randomUUID();
            customers.add(customer);
            opportunityOf.put(customer, opportunity);
            LocalDate close = day(now).plusDays(60);
            List<DomainEvent> history = new ArrayList<>(List.of(
                    Fixtures.customer(customer, rep, team, "C", now.minus(Duration.ofDays(60))),
                    Fixtures.opened(customer, opportunity, rep, team, now.minus(Duration.ofDays(40)), BigDecimal.TEN,
                            close),
                    // idle in NEGOTIATION (7 days allowed) for 16 days, unless the customer was visited since
                    Fixtures.moved(customer, opportunity, 1, rep, team, "TARGET", "NEGOTIATION",
                            now.minus(Duration.ofDays(16)), BigDecimal.TEN, close),
                    Fixtures.followUp(customer, UUID.randomUUID(), rep, team, now.minus(Duration.ofDays(1)),
                            day(now).plusDays(7))));
            if (i % 2 == 0) {
                Instant at = now.minus(Duration.ofDays(1));
                visitedAt.put(customer, at);
                history.add(Fixtures.visit(customer, null, rep, team, at, "POSITIVE", true));
            }
            history.forEach(event -> byTopic.computeIfAbsent(topicOf(event), t -> new ArrayList<>()).add(event));
        }
        // The four topics one after another, so that each instance's batches mix them as they come.
        List<DomainEvent> all = new ArrayList<>();
        List.of(Topics.VISITS, Topics.OPPORTUNITIES, Topics.FOLLOW_UPS, Topics.CUSTOMERS)
                .forEach(topic -> all.addAll(byTopic.get(topic)));
        Events.publishAll(all);

        UUID[] eventIds = all.stream().map(DomainEvent::eventId).toArray(UUID[]::new);
        // Marked by the facts channel (webhook deliveries keep marks of their own, as analytics.event-deliveries).
        String[] factConsumers = FactEventsConsumer.CONSUMERS.values().toArray(String[]::new);
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM processed_event WHERE event_id = ANY($1) "
                + "AND consumer = ANY($2)", eventIds, factConsumers) == all.size());

        // Each event marked once, under the consumer name its topic always had.
        Map<String, Long> expectedMarks = all.stream().collect(Collectors.groupingBy(
                event -> FactEventsConsumer.CONSUMERS.get(topicOf(event)), Collectors.counting()));
        Map<String, Long> marks = db.rows("SELECT consumer, count(*) AS n FROM processed_event WHERE event_id = ANY($1) "
                + "AND consumer = ANY($2) GROUP BY consumer", eventIds, factConsumers).stream()
                .collect(Collectors.toMap(row -> row.getString("consumer"), row -> row.getLong("n")));
        assertThat(marks).isEqualTo(expectedMarks).containsEntry("analytics.visits", (long) CUSTOMERS / 2);

        // Every fact applied once: the rep's counters add each customer and visit exactly once.
        Row activity = db.row("SELECT sum(new_customers) AS customers, sum(visits) AS visits FROM rep_activity "
                + "WHERE owner_id = $1", rep);
        assertThat(activity.getLong("customers")).isEqualTo(CUSTOMERS);
        assertThat(activity.getLong("visits")).isEqualTo(CUSTOMERS / 2);
        UUID[] customerIds = customers.toArray(UUID[]::new);
        assertThat(db.count("SELECT count(*) FROM visit_fact WHERE customer_id = ANY($1)", (Object) customerIds))
                .isEqualTo(CUSTOMERS / 2);

        // State derived from several topics, settled by the batch that committed last, with no lock between them.
        for (UUID customer : customers) {
            Row fact = db.row("SELECT c.open_follow_ups, c.last_visit_at, o.stage, o.aggregate_version, o.last_activity_at "
                    + "FROM customer_fact c JOIN opportunity_fact o USING (customer_id) WHERE c.customer_id = $1", customer);
            assertThat(fact).as("facts of %s", customer).isNotNull();
            assertThat(fact.getInteger("open_follow_ups")).as("open follow-ups of %s", customer).isEqualTo(1);
            assertThat(fact.getString("stage")).isEqualTo("NEGOTIATION");
            assertThat(fact.getLong("aggregate_version")).isEqualTo(1);
            Instant visit = visitedAt.get(customer);
            Instant lastActivity = fact.getOffsetDateTime("last_activity_at").toInstant();
            if (visit != null) {
                assertThat(fact.getOffsetDateTime("last_visit_at").toInstant()).isEqualTo(visit);
                assertThat(lastActivity).as("last activity of visited %s", customer).isEqualTo(visit);
            } else {
                assertThat(fact.getOffsetDateTime("last_visit_at")).isNull();
                assertThat(lastActivity).as("last activity of %s", customer).isEqualTo(now.minus(Duration.ofDays(16)));
            }
        }

        // The deals nobody visited are flagged, once each; the visited ones are not.
        Map<UUID, String> unresolved = db.rows("SELECT subject_id, reasons FROM alert WHERE customer_id = ANY($1) "
                + "AND status <> 'RESOLVED'", (Object) customerIds).stream()
                .collect(Collectors.toMap(row -> row.getUUID("subject_id"), row -> row.getString("reasons")));
        Set<UUID> idle = customers.stream().filter(c -> !visitedAt.containsKey(c)).map(opportunityOf::get)
                .collect(Collectors.toSet());
        assertThat(unresolved.keySet()).isEqualTo(idle);
        assertThat(unresolved.values()).allMatch(reasons -> reasons.contains("no activity for 16 days; NEGOTIATION allows 7"));

        // Both instances had customers: every partition got events, and the group committed each one to its end,
        // the second instance's partitions included (only their owner commits them), with the same two owners.
        Map<TopicPartition, Long> endsAfter = endOffsets(partitions);
        endsAfter.forEach((partition, end) -> assertThat(end).as("end of %s", partition)
                .isGreaterThan(endsBefore.get(partition)));
        await().atMost(WAIT).until(() -> committed().entrySet().containsAll(endsAfter.entrySet()));
        assertThat(factMembers()).isEqualTo(members);
        assertThat(second.isAlive()).isTrue();
    }

    /**
     * A manager's console keeps its alert stream open. Stopping the instance ends the stream at once, so the HTTP
     * server's graceful shutdown is not held up for its whole timeout by a request that never ends, and the consumers
     * close and leave the group before the process is killed: the partitions go back to this instance at once, not
     * after the broker's session timeout (45 s) with ingest stalled meanwhile.
     */
    @Test
    void anInstanceStoppingWithAnAlertStreamOpenEndsItAndLeavesTheGroupAtOnce() throws Exception {
        String stopLog;
        second = secondInstance().start();
        await().atMost(WAIT).until(() -> factMembers().size() == 2);
        try (SseClient console = SseClient.open(URI.create(second.baseUrl() + "/api/v1/alerts/stream"),
                TestTokens.manager("mgr-" + UUID.randomUUID(), "east"))) {
            assertThat(console.status()).isEqualTo(200);
            // the headers go out before the subscription; the first heartbeat says it is in place
            await().atMost(WAIT).until(() -> console.comments() > 0);
            // the log is appended to by every start: only what this stop wrote counts
            int logged = Files.readString(second.log()).length();

            second.close();
            stopLog = Files.readString(second.log()).substring(logged);

            assertThat(console.ended()).as("the console saw its stream end, to reconnect elsewhere").isTrue();
        }
        assertThat(stopLog).as("what the second instance logged as it stopped")
                .contains("ending 1 alert streams: the instance is stopping")
                .doesNotContain("Timed out waiting for graceful shutdown");
        await().atMost(Duration.ofSeconds(20)).until(() -> factMembers().size() == 1);
        second = null;
    }

    /** The second instance: the packaged application, on this test application's database, broker and settings. */
    private static ServiceProcess secondInstance() {
        Config config = ConfigProvider.getConfig();
        ServiceProcess process = ServiceProcess.of("analytics-service-2", Path.of("target", "quarkus-app"),
                Path.of("target", "scale-out", "analytics-service-2.log"));
        for (String key : List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url",
                "quarkus.datasource.username", "quarkus.datasource.password", "kafka.bootstrap.servers",
                "quarkus.mailer.mock", "quarkus.mailer.host", "quarkus.mailer.port", "quarkus.mailer.start-tls",
                "crm.webhooks.allowed-hosts")) {
            config.getOptionalValue(key, String.class).ifPresent(value -> process.with(key, value));
        }
        return process
                .with("quarkus.oidc.auth-server-url", "")
                .with("quarkus.oidc.public-key", TestTokens.publicKeyBase64())
                .with("quarkus.oidc.token.issuer", TestTokens.ISSUER)
                // as in this application: only the test runs the scan, so it never runs behind the test's back
                .with("crm.alerts.scan-interval", "off")
                .with(FACT_CONSUMERS, "1");
    }

    /**
     * One consumer of the facts channel to an instance, as a pod on Kubernetes runs, so that the group's members are
     * the two instances (each runs two by default, which share partitions as two instances do).
     */
    public static class OneConsumerAnInstance implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(FACT_CONSUMERS, "1");
        }
    }

    /** The partitions each member of the group owns of the four topics, by member; members owning none left out. */
    private Map<String, Set<TopicPartition>> factMembers() throws Exception {
        return admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS).get(GROUP).members()
                .stream()
                .collect(Collectors.toMap(MemberDescription::consumerId, member -> member.assignment().topicPartitions()
                        .stream().filter(p -> TOPICS.contains(p.topic())).collect(Collectors.toSet())))
                .entrySet().stream().filter(member -> !member.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private int partitionsOfEachTopic() throws Exception {
        Set<Integer> counts = admin.describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                .map(topic -> topic.partitions().size()).collect(Collectors.toSet());
        assertThat(counts).as("partition counts of %s", TOPICS).hasSize(1);
        return counts.iterator().next();
    }

    private Map<TopicPartition, Long> endOffsets(int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : TOPICS) {
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Map<TopicPartition, Long> committed() throws Exception {
        return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                .entrySet().stream().filter(e -> TOPICS.contains(e.getKey().topic()) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Set<Integer> numbers(Set<TopicPartition> partitions, String topic) {
        return partitions.stream().filter(p -> p.topic().equals(topic)).map(TopicPartition::partition)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String topicOf(DomainEvent event) {
        return EventCatalog.typeOf(event.getClass()).topic();
    }
}
