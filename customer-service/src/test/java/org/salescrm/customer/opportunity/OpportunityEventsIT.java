package org.salescrm.customer.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.salescrm.customer.opportunity.Funnel.SHANGHAI;
import static org.salescrm.customer.opportunity.Funnel.as;
import static org.salescrm.customer.opportunity.Funnel.customer;
import static org.salescrm.customer.opportunity.Funnel.decisionMaker;
import static org.salescrm.customer.opportunity.Funnel.giveAllEvidence;
import static org.salescrm.customer.opportunity.Funnel.move;
import static org.salescrm.customer.opportunity.Funnel.open;
import static org.salescrm.customer.opportunity.Funnel.today;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.DecisionMakerLost;
import org.salescrm.events.customer.KeyPersonAdded;
import org.salescrm.events.customer.KeyPersonLeft;
import org.salescrm.events.customer.KeyPersonUpdated;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.customer.OpportunityUpdated;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.testsupport.TestTokens;

/** What opportunity and key person changes publish, read back from the real broker. */
@QuarkusTest
class OpportunityEventsIT {

    static KafkaCompanion kafka;
    /** Everything published on both topics while these tests run, read by one long-lived consumer. */
    static ConsumerTask<String, String> published;

    @Inject
    OpportunityOwnership ownership;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(SharedKafka.bootstrapServers());
        published = kafka.consumeStrings().fromTopics(Topics.CUSTOMERS, Topics.OPPORTUNITIES);
    }

    @AfterAll
    static void disconnect() {
        published.close();
        kafka.close();
    }

    @Test
    void openingPublishesOpportunityOpened() {
        String rep = TestTokens.rep("rep-open-" + UUID.randomUUID(), "east");
        String customerId = customer(rep);
        String id = open(rep, customerId);

        OpportunityOpened opened = awaitOne(customerId, OpportunityOpened.class);
        assertThat(opened.aggregateId()).hasToString(id);
        assertThat(opened.stage()).isEqualTo("TARGET");
        assertThat(opened.probability()).isEqualTo(5);
        assertThat(opened.ownerId()).startsWith("rep-open-");
        assertThat(opened.ownerTeam()).isEqualTo("east");
        assertThat(opened.amount()).isEqualByComparingTo("120000");
    }

    @Test
    void winningPublishesStageChangedThenWonOnTheShanghaiBusinessDate() {
        String rep = TestTokens.rep("rep-won-" + UUID.randomUUID(), "east");
        String customerId = customer(rep);
        String id = open(rep, Funnel.opportunityBodyOpenedOn(customerId, today().minusDays(10)));
        giveAllEvidence(rep, customerId, id);
        // 01:30 in Shanghai is still the day before in UTC: revenue counts on the Shanghai date.
        LocalDate wonDay = today().minusDays(3);
        Instant occurredAt = wonDay.atTime(LocalTime.of(1, 30)).atZone(SHANGHAI).toInstant();
        move(rep, id, Map.of("stage", "WON", "occurredAt", occurredAt.toString())).statusCode(200);

        List<DomainEvent> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> eventsFor(customerId), list -> list.stream().anyMatch(OpportunityWon.class::isInstance));
        List<DomainEvent> funnel = events.stream()
                .filter(e -> e instanceof OpportunityStageChanged || e instanceof OpportunityWon).toList();
        assertThat(funnel).hasSize(2);
        OpportunityStageChanged changed = (OpportunityStageChanged) funnel.get(0);
        OpportunityWon won = (OpportunityWon) funnel.get(1);
        assertThat(changed.fromStage()).isEqualTo("TARGET");
        assertThat(changed.toStage()).isEqualTo("WON");
        assertThat(changed.probability()).isEqualTo(100);
        assertThat(changed.occurredAt()).isEqualTo(occurredAt);
        assertThat(changed.backward()).isFalse();
        assertThat(won.aggregateId()).hasToString(id);
        assertThat(won.wonOn()).isEqualTo(wonDay);
        assertThat(won.occurredAt()).isEqualTo(occurredAt);
        assertThat(won.aggregateVersion()).isEqualTo(changed.aggregateVersion());
        assertThat(won.amount()).isEqualByComparingTo("120000");
        assertThat(won.openedOn()).isEqualTo(today().minusDays(10));
        assertThat(won.contractSignedOn()).isEqualTo(today());
        assertThat(won.ownerId()).startsWith("rep-won-");
        assertThat(won.ownerTeam()).isEqualTo("east");
    }

    @Test
    void movingBackPublishesABackwardStageChangeWithItsReason() {
        String rep = Funnel.newRep("east");
        String customerId = customer(rep);
        String id = open(rep, customerId);
        move(rep, id, Map.of("stage", "INTENT")).statusCode(200);
        move(rep, id, Map.of("stage", "POTENTIAL", "reason", "决策人换届")).statusCode(200);

        List<OpportunityStageChanged> moves = await().atMost(Duration.ofSeconds(30)).until(
                () -> eventsFor(customerId).stream().filter(OpportunityStageChanged.class::isInstance)
                        .map(OpportunityStageChanged.class::cast).toList(),
                list -> list.size() == 2);
        assertThat(moves.get(1).backward()).isTrue();
        assertThat(moves.get(1).reason()).isEqualTo("决策人换届");
        assertThat(moves.get(1).aggregateVersion()).isGreaterThan(moves.get(0).aggregateVersion());
    }

    @Test
    void losingPublishesOpportunityLostOnly() {
        String rep = Funnel.newRep("east");
        String customerId = customer(rep);
        String id = open(rep, customerId);
        move(rep, id, Map.of("stage", "POTENTIAL")).statusCode(200);
        as(rep).body(Map.of("reason", "竞品低价")).post("/api/v1/opportunities/" + id + "/lose").then().statusCode(200);

        OpportunityLost lost = awaitOne(customerId, OpportunityLost.class);
        assertThat(lost.stage()).isEqualTo("POTENTIAL");
        assertThat(lost.reason()).isEqualTo("竞品低价");
        assertThat(lost.amount()).isEqualByComparingTo("120000");
        assertThat(eventsFor(customerId)).filteredOn(OpportunityStageChanged.class::isInstance).hasSize(1);
    }

    @Test
    void lastDecisionMakerLeavingPublishesDecisionMakerLost() {
        String rep = Funnel.newRep("east");
        String customerId = customer(rep);
        String first = decisionMaker(rep, customerId);
        String second = decisionMaker(rep, customerId);
        Funnel.keyPerson(rep, customerId, Map.of("name", "助理", "kpType", "FACILITATOR"));

        as(rep).body(Map.of("leftOn", today().minusDays(2).toString())).post("/api/v1/key-persons/" + first + "/left")
                .then().statusCode(200);
        KeyPersonLeft firstLeft = awaitOne(customerId, KeyPersonLeft.class);
        assertThat(firstLeft.wasDecisionMaker()).isTrue();
        assertThat(firstLeft.activeDecisionMakersLeft()).isEqualTo(1);
        assertThat(firstLeft.leftOn()).isEqualTo(today().minusDays(2));

        as(rep).body(Map.of()).post("/api/v1/key-persons/" + second + "/left").then().statusCode(200);
        DecisionMakerLost lost = awaitOne(customerId, DecisionMakerLost.class);
        assertThat(lost.aggregateId()).hasToString(customerId);
        assertThat(lost.keyPersonId()).hasToString(second);
        assertThat(lost.leftOn()).isEqualTo(today());
        assertThat(lost.ownerTeam()).isEqualTo("east");
        List<DomainEvent> events = eventsFor(customerId);
        assertThat(events).filteredOn(KeyPersonAdded.class::isInstance).hasSize(3);
        assertThat(events).filteredOn(KeyPersonLeft.class::isInstance).hasSize(2);
        // DecisionMakerLost follows the KeyPersonLeft it comes from.
        assertThat(events.get(events.size() - 1)).isInstanceOf(DecisionMakerLost.class);
    }

    @Test
    void editingAKeyPersonPublishesKeyPersonUpdated() {
        String rep = Funnel.newRep("east");
        String customerId = customer(rep);
        String id = Funnel.keyPerson(rep, customerId, Map.of("name", "吴工", "attitude", "NEUTRAL"));
        as(rep).header("If-Match", "0").body(Map.of("attitude", "SUPPORTER", "title", "技术总监"))
                .patch("/api/v1/key-persons/" + id).then().statusCode(200);

        KeyPersonUpdated updated = awaitOne(customerId, KeyPersonUpdated.class);
        assertThat(updated.aggregateId()).hasToString(id);
        assertThat(updated.changedFields()).containsExactly("title", "attitude");
        assertThat(updated.attitude()).isEqualTo("SUPPORTER");
        assertThat(updated.aggregateVersion()).isEqualTo(1);
        assertThat(updated.ownerTeam()).isEqualTo("east");
    }

    @Test
    void openOpportunitiesFollowTheirCustomersNewOwner() throws Throwable {
        String ownerId = "rep-from-" + UUID.randomUUID();
        String from = TestTokens.rep(ownerId, "east");
        String toId = "rep-to-" + UUID.randomUUID();
        String to = TestTokens.rep(toId, "west");
        String customerId = customer(from);
        String first = open(from, customerId);
        String second = open(from, customerId);
        String lost = open(from, customerId);
        as(from).body(Map.of("reason", "放弃")).post("/api/v1/opportunities/" + lost + "/lose").then().statusCode(200);

        Integer moved = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> ownership.followCustomer(UUID.fromString(customerId), toId, "west", "mgr-east")));

        assertThat(moved).isEqualTo(2);
        as(to).get("/api/v1/opportunities/" + first).then().statusCode(200)
                .body("ownerId", equalTo(toId)).body("ownerTeam", equalTo("west")).body("version", equalTo(1));
        as(from).get("/api/v1/opportunities/" + second).then().statusCode(404);
        as(from).get("/api/v1/opportunities/" + lost).then().statusCode(200).body("ownerId", equalTo(ownerId));
        as(to).get("/api/v1/opportunities/" + second + "/changes").then().statusCode(200)
                .body("items.field", contains("ownerId", "ownerTeam"))
                .body("items[0].from", equalTo(ownerId))
                .body("items[0].to", equalTo(toId))
                .body("items[0].by", equalTo("mgr-east"));

        List<OpportunityUpdated> updates = await().atMost(Duration.ofSeconds(30)).until(
                () -> eventsFor(customerId).stream().filter(OpportunityUpdated.class::isInstance)
                        .map(OpportunityUpdated.class::cast).toList(),
                list -> list.size() == 2);
        assertThat(updates).extracting(e -> e.aggregateId().toString()).containsExactlyInAnyOrder(first, second);
        assertThat(updates).allSatisfy(e -> {
            assertThat(e.ownerId()).isEqualTo(toId);
            assertThat(e.ownerTeam()).isEqualTo("west");
            assertThat(e.changedFields()).contains("ownerId", "ownerTeam");
            assertThat(e.updatedBy()).isEqualTo("mgr-east");
            assertThat(e.aggregateVersion()).isEqualTo(1);
        });

        Integer again = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> ownership.followCustomer(UUID.fromString(customerId), toId, "west", "mgr-east")));
        assertThat(again).as("nothing left to move").isZero();
    }

    @Test
    void editingPublishesOpportunityUpdatedNamingTheChangedFields() {
        String rep = Funnel.newRep("east");
        String customerId = customer(rep);
        String id = open(rep, customerId);
        Funnel.patch(rep, id, Map.of("budget", new BigDecimal("99000.50"), "name", "改名")).statusCode(200);

        OpportunityUpdated updated = awaitOne(customerId, OpportunityUpdated.class);
        assertThat(updated.aggregateId()).hasToString(id);
        assertThat(updated.changedFields()).containsExactly("name", "budget");
        assertThat(updated.budget()).isEqualByComparingTo("99000.50");
        assertThat(updated.name()).isEqualTo("改名");
        assertThat(updated.aggregateVersion()).isEqualTo(1);
    }

    private <T extends DomainEvent> T awaitOne(String customerId, Class<T> type) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> eventsFor(customerId).stream().filter(type::isInstance).map(type::cast).toList(),
                list -> list.size() == 1).get(0);
    }

    private List<DomainEvent> eventsFor(String customerId) {
        return published.getRecords().stream()
                .filter(r -> customerId.equals(r.key()))
                .map(r -> EventCodec.data(EventCodec.read(r.value())))
                .toList();
    }
}
