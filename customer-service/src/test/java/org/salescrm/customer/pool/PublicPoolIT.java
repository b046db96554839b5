package org.salescrm.customer.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.customer.pool.PoolTesting.as;
import static org.salescrm.customer.pool.PoolTesting.create;
import static org.salescrm.customer.pool.PoolTesting.openOpportunity;
import static org.salescrm.customer.pool.PoolTesting.opportunityOwner;
import static org.salescrm.customer.pool.PoolTesting.release;
import static org.salescrm.customer.pool.PoolTesting.user;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.PublishedEvents;
import org.salescrm.customer.TestClock;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.events.customer.OpportunityUpdated;
import org.salescrm.testsupport.Concurrently;
import org.salescrm.testsupport.TestTokens;

/** Claim, release, the holding cap, the claim-back cooldown, and managers' transfers. */
@QuarkusTest
class PublicPoolIT {

    static KafkaCompanion kafka;
    static ConsumerTask<String, String> opportunityEvents;

    @Inject
    Pool db;

    @BeforeAll
    static void listen() {
        PublishedEvents.start();
        kafka = new KafkaCompanion(SharedKafka.bootstrapServers());
        opportunityEvents = kafka.consumeStrings().fromTopics(Topics.OPPORTUNITIES);
    }

    @AfterAll
    static void stopListening() {
        opportunityEvents.close();
        kafka.close();
    }

    @AfterEach
    void timeIsBack() {
        TestClock.reset();
    }

    @Test
    void releasedCustomerSitsInThePoolUntilAnotherRepClaimsIt() {
        String first = user("rep");
        String second = user("rep");
        String firstToken = TestTokens.rep(first, "east");
        String secondToken = TestTokens.rep(second, "west");
        String id = create(firstToken, "公海流转", "B");

        as(secondToken).get("/api/v1/customers/" + id).then().statusCode(404);
        as(firstToken).body(Map.of("reason", "客户暂无需求")).post("/api/v1/customers/" + id + "/release").then()
                .statusCode(200).body("inPool", equalTo(true)).body("ownerId", nullValue()).body("ownerTeam", nullValue());
        as(secondToken).get("/api/v1/customers/" + id).then().statusCode(200).body("inPool", equalTo(true));
        as(secondToken).post("/api/v1/customers/" + id + "/claim").then().statusCode(200)
                .body("ownerId", equalTo(second)).body("ownerTeam", equalTo("west")).body("inPool", equalTo(false));
        as(firstToken).get("/api/v1/customers/" + id).then().statusCode(404);

        as(secondToken).get("/api/v1/customers/" + id + "/history").then().statusCode(200)
                .body("items.change", contains("CREATED", "RELEASED", "CLAIMED"))
                .body("items[1].by", equalTo(first))
                .body("items[1].details.fromOwnerId", equalTo(first))
                .body("items[1].details.fromTeam", equalTo("east"))
                .body("items[1].details.toOwnerId", nullValue())
                .body("items[1].details.reason", equalTo("客户暂无需求"))
                .body("items[2].by", equalTo(second))
                .body("items[2].details.toOwnerId", equalTo(second))
                .body("items[2].details.toTeam", equalTo("west"));
        List<CustomerOwnerChanged> events = PublishedEvents.await(id, CustomerOwnerChanged.class, 2);
        assertThat(events).extracting(CustomerOwnerChanged::change).containsExactly("RELEASED", "CLAIMED");
        assertThat(events.get(0).ownerId()).isNull();
        assertThat(events.get(0).ownerTeam()).isNull();
        assertThat(events.get(0).previousOwnerId()).isEqualTo(first);
        assertThat(events.get(0).reason()).isEqualTo("客户暂无需求");
        assertThat(events.get(1).ownerId()).isEqualTo(second);
        assertThat(events.get(1).previousOwnerId()).isNull();
        assertThat(events.get(1).aggregateVersion()).isGreaterThan(events.get(0).aggregateVersion());
    }

    @Test
    void onlyCustomersInThePoolCanBeClaimedAndOnlyOwnedOnesReleased() {
        String ownerToken = TestTokens.rep(user("rep"), "east");
        String otherToken = TestTokens.rep(user("rep"), "east");
        String id = create(ownerToken, "不在公海", "C");

        // Someone else's customer answers as one that does not exist; only who may see it learns it is taken.
        as(otherToken).post("/api/v1/customers/" + id + "/claim").then().statusCode(404)
                .body("type", equalTo("https://salescrm.dev/problems/not-found"));
        as(TestTokens.manager(user("mgr"), "east")).post("/api/v1/customers/" + id + "/claim").then().statusCode(409)
                .body("type", equalTo("https://salescrm.dev/problems/not-in-pool"));
        as(ownerToken).post("/api/v1/customers/" + id + "/claim").then().statusCode(409)
                .body("type", equalTo("https://salescrm.dev/problems/not-in-pool"));
        as(otherToken).body(Map.of("reason", "x")).post("/api/v1/customers/" + id + "/release").then().statusCode(404);
        as(otherToken).post("/api/v1/customers/" + UUID.randomUUID() + "/claim").then().statusCode(404);

        as(ownerToken).post("/api/v1/customers/" + id + "/release").then().statusCode(200);
        as(ownerToken).post("/api/v1/customers/" + id + "/release").then().statusCode(409)
                .body("type", equalTo("https://salescrm.dev/problems/already-in-pool"));
    }

    @Test
    void theRepWhoLetACustomerGoWaitsOutTheCooldownBeforeClaimingItBack() {
        String rep = user("rep");
        String token = TestTokens.rep(rep, "east");
        String id = create(token, "冷却期", "C");
        release(token, id, "换人跟进");

        as(token).header("Accept-Language", "zh-CN").post("/api/v1/customers/" + id + "/claim").then()
                .statusCode(409)
                .body("type", equalTo("https://salescrm.dev/problems/claim-cooldown"))
                .body("claimableFrom", org.hamcrest.Matchers.notNullValue());
        TestClock.advance(Duration.ofDays(29));
        as(token).post("/api/v1/customers/" + id + "/claim").then().statusCode(409);
        TestClock.advance(Duration.ofDays(1).plusMinutes(1));
        as(token).post("/api/v1/customers/" + id + "/claim").then().statusCode(200).body("ownerId", equalTo(rep));
    }

    @Test
    void aRepAtTheHoldingCapCannotClaimButMayStillCreate() {
        String rep = user("rep");
        String token = TestTokens.rep(rep, "east");
        for (int i = 0; i < 3; i++) {
            create(token, "上限客户", "C");
        }
        String releaser = TestTokens.rep(user("rep"), "east");
        String inPool = create(releaser, "公海客户", "C");
        release(releaser, inPool, "释放");

        as(token).post("/api/v1/customers/" + inPool + "/claim").then().statusCode(409)
                .body("type", equalTo("https://salescrm.dev/problems/claim-cap-reached"))
                .body("maxCustomers", equalTo(3));
        create(token, "上限之后新建", "C");
    }

    @Test
    void parallelClaimsOfOneRepNeverPassTheCap() throws Exception {
        String rep = user("rep");
        String token = TestTokens.rep(rep, "east");
        create(token, "已有客户", "C");
        String releaser = TestTokens.rep(user("rep"), "east");
        List<String> pool = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = create(releaser, "并发领取", "C");
            release(releaser, id, "释放");
            pool.add(id);
        }
        AtomicInteger next = new AtomicInteger();

        List<Integer> statuses = Concurrently.run(4,
                () -> as(token).post("/api/v1/customers/" + pool.get(next.getAndIncrement()) + "/claim").statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(200, 200, 409, 409);
        as(token).queryParam("ownerId", rep).get("/api/v1/customers").then().statusCode(200)
                .body("items.size()", equalTo(3));
    }

    @Test
    void twoRepsClaimingOneCustomerLeaveOneOwner() throws Exception {
        String releaser = TestTokens.rep(user("rep"), "east");
        String id = create(releaser, "抢客户", "C");
        release(releaser, id, "释放");
        List<String> tokens = List.of(TestTokens.rep(user("rep"), "east"), TestTokens.rep(user("rep"), "west"));
        AtomicInteger next = new AtomicInteger();

        List<Integer> statuses = Concurrently.run(2,
                () -> as(tokens.get(next.getAndIncrement())).post("/api/v1/customers/" + id + "/claim").statusCode());

        // The loser finds the customer is now the winner's, out of its reach: it answers as a missing one.
        assertThat(statuses).containsExactlyInAnyOrder(200, 404);
    }

    @Test
    void aManagerTransfersWithinTheTeamsAndTheOpenOpportunitiesFollow() {
        String rep = user("rep");
        String successor = user("rep");
        String repToken = TestTokens.rep(rep, "east");
        String id = create(repToken, "转交客户", "A");
        UUID opportunity = openOpportunity(db, id, "INTENT", rep, "east");
        String manager = TestTokens.manager(user("mgr"), "east");
        Map<String, String> toSuccessor = Map.of("toOwnerId", successor, "toTeam", "east", "reason", "调岗");

        as(repToken).body(toSuccessor).post("/api/v1/customers/" + id + "/transfer").then().statusCode(403);
        as(TestTokens.manager(user("mgr"), "west")).body(toSuccessor).post("/api/v1/customers/" + id + "/transfer")
                .then().statusCode(403);
        as(TestTokens.manager(user("mgr"), "west")).body(Map.of("toOwnerId", successor, "toTeam", "west",
                "reason", "调岗")).post("/api/v1/customers/" + id + "/transfer").then().statusCode(404);
        as(manager).body(Map.of("toOwnerId", successor, "toTeam", "west", "reason", "调岗"))
                .post("/api/v1/customers/" + id + "/transfer").then().statusCode(403);
        as(manager).body(Map.of("toOwnerId", successor)).post("/api/v1/customers/" + id + "/transfer").then()
                .statusCode(422);

        as(manager).body(toSuccessor).post("/api/v1/customers/" + id + "/transfer").then().statusCode(200)
                .body("ownerId", equalTo(successor)).body("ownerTeam", equalTo("east"));

        assertThat(opportunityOwner(db, opportunity)).isEqualTo(successor);
        as(repToken).get("/api/v1/customers/" + id).then().statusCode(404);
        as(TestTokens.rep(successor, "east")).get("/api/v1/customers/" + id + "/history").then().statusCode(200)
                .body("items[1].change", equalTo("OWNER_CHANGED"))
                .body("items[1].details.fromOwnerId", equalTo(rep))
                .body("items[1].details.toOwnerId", equalTo(successor))
                .body("items[1].details.reason", equalTo("调岗"));
        CustomerOwnerChanged changed = PublishedEvents.await(id, CustomerOwnerChanged.class, 1).get(0);
        assertThat(changed.change()).isEqualTo("TRANSFERRED");
        assertThat(changed.ownerId()).isEqualTo(successor);
        assertThat(changed.previousOwnerId()).isEqualTo(rep);
        OpportunityUpdated moved = awaitOpportunityUpdate(opportunity);
        assertThat(moved.ownerId()).isEqualTo(successor);
        assertThat(moved.changedFields()).contains("ownerId");

        as(TestTokens.admin(user("admin"))).body(Map.of("toOwnerId", rep, "toTeam", "west", "reason", "跨区"))
                .post("/api/v1/customers/" + id + "/transfer").then().statusCode(200).body("ownerTeam", equalTo("west"));
    }

    @Test
    void everythingOfALeavingRepGoesToTheSuccessorInOneCall() {
        String leaving = user("rep");
        String successor = user("rep");
        String leavingToken = TestTokens.rep(leaving, "east");
        List<String> held = List.of(create(leavingToken, "离职交接甲", "A"), create(leavingToken, "离职交接乙", "B"),
                create(leavingToken, "离职交接丙", "C"));
        String someoneElses = create(TestTokens.rep(user("rep"), "east"), "别人的客户", "C");
        UUID opportunity = openOpportunity(db, held.get(0), "PROJECT", leaving, "east");
        Map<String, String> handover = Map.of("fromOwnerId", leaving, "toOwnerId", successor, "toTeam", "east",
                "reason", "离职交接");

        as(leavingToken).body(handover).post("/api/v1/customer-transfers").then().statusCode(403);
        as(TestTokens.manager(user("mgr"), "west")).body(Map.of("fromOwnerId", leaving, "toOwnerId", successor,
                "toTeam", "west", "reason", "离职交接")).post("/api/v1/customer-transfers").then()
                .statusCode(200).body("transferred", equalTo(0));
        as(TestTokens.manager(user("mgr"), "east")).body(handover).post("/api/v1/customer-transfers").then()
                .statusCode(200).body("transferred", equalTo(3));

        String successorToken = TestTokens.rep(successor, "east");
        for (String id : held) {
            as(successorToken).get("/api/v1/customers/" + id).then().statusCode(200).body("ownerId", equalTo(successor));
            CustomerOwnerChanged changed = PublishedEvents.await(id, CustomerOwnerChanged.class, 1).get(0);
            assertThat(changed.change()).isEqualTo("TRANSFERRED");
            assertThat(changed.reason()).isEqualTo("离职交接");
        }
        as(successorToken).get("/api/v1/customers/" + someoneElses).then().statusCode(404);
        assertThat(opportunityOwner(db, opportunity)).isEqualTo(successor);
        as(leavingToken).queryParam("ownerId", leaving).get("/api/v1/customers").then().body("items.size()", equalTo(0));
    }

    /** API.md marks no transfer field "(required)" but the new owner: a reason may be left out. */
    @Test
    void aTransferNeedsNoReason() {
        String leaving = user("rep");
        String successor = user("rep");
        String leavingToken = TestTokens.rep(leaving, "east");
        String single = create(leavingToken, "无理由转交", "B");
        String manager = TestTokens.manager(user("mgr"), "east");

        as(manager).body(Map.of("toOwnerId", successor, "toTeam", "east"))
                .post("/api/v1/customers/" + single + "/transfer").then().statusCode(200)
                .body("ownerId", equalTo(successor));
        as(manager).get("/api/v1/customers/" + single + "/history").then().statusCode(200)
                .body("items[1].change", equalTo("OWNER_CHANGED"))
                .body("items[1].details.reason", nullValue());

        create(leavingToken, "无理由批量", "C");
        as(manager).body(Map.of("fromOwnerId", leaving, "toOwnerId", successor, "toTeam", "east"))
                .post("/api/v1/customer-transfers").then().statusCode(200).body("transferred", equalTo(1));
        as(manager).body(Map.of("fromOwnerId", leaving, "toOwnerId", successor, "toTeam", "east",
                        "reason", "x".repeat(2001)))
                .post("/api/v1/customer-transfers").then().statusCode(422).body("errors.field", contains("reason"));
    }

    private OpportunityUpdated awaitOpportunityUpdate(UUID opportunityId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> opportunityEvents.getRecords().stream()
                        .map(r -> EventCodec.data(EventCodec.read(r.value())))
                        .filter(e -> e instanceof OpportunityUpdated u && u.aggregateId().equals(opportunityId))
                        .map(OpportunityUpdated.class::cast)
                        .findFirst().orElse(null),
                found -> found != null);
    }
}
