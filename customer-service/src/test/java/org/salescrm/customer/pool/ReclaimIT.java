package org.salescrm.customer.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.customer.pool.PoolTesting.as;
import static org.salescrm.customer.pool.PoolTesting.create;
import static org.salescrm.customer.pool.PoolTesting.openOpportunity;
import static org.salescrm.customer.pool.PoolTesting.user;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.PublishedEvents;
import org.salescrm.customer.TestClock;
import org.salescrm.customer.VisitTraffic;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.events.customer.CustomerReclaimWarning;
import org.salescrm.events.visit.VisitLogged;
import org.salescrm.testsupport.TestTokens;

/**
 * Automatic reclaim after silence, with time moved on the test clock: a warning first, then the
 * customer goes back to the pool; the grade sets the days; a visit read from crm.visits, or an
 * opportunity in negotiation, keeps the customer with its owner.
 */
@QuarkusTest
class ReclaimIT {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    ReclaimJob job;

    @Inject
    Pool db;

    @BeforeAll
    static void listen() {
        PublishedEvents.start();
    }

    @AfterEach
    void timeIsBack() {
        TestClock.reset();
    }

    private void reclaimPass() throws Throwable {
        ReclaimPass pass = VertxContextSupport.subscribeAndAwait(() -> job.runOnce());
        assertThat(pass.ran()).isTrue();
    }

    private static String ownerOf(String token, String id) {
        return as(token).get("/api/v1/customers/" + id).then().extract().path("ownerId");
    }

    @Test
    void aSilentCustomerIsWarnedOfOnceThenReclaimed() throws Throwable {
        String rep = user("rep");
        String token = TestTokens.rep(rep, "east");
        Instant created = TestClock.now();
        String id = create(token, "沉默客户", "C");

        TestClock.advance(Duration.ofDays(11));
        reclaimPass();
        TestClock.advance(Duration.ofDays(1).plusHours(1));
        reclaimPass();
        reclaimPass();

        CustomerReclaimWarning warning = PublishedEvents.await(id, CustomerReclaimWarning.class, 1).get(0);
        assertThat(warning.ownerId()).isEqualTo(rep);
        assertThat(warning.daysSilent()).isEqualTo(12);
        assertThat(warning.grade()).isEqualTo("C");
        assertThat(warning.reclaimOn()).isEqualTo(LocalDate.ofInstant(created.plus(Duration.ofDays(15)), BUSINESS_ZONE));
        as(token).get("/api/v1/customers/" + id).then().statusCode(200).body("ownerId", equalTo(rep));

        TestClock.advance(Duration.ofDays(3));
        reclaimPass();

        as(token).get("/api/v1/customers/" + id).then().statusCode(200)
                .body("inPool", equalTo(true)).body("ownerId", nullValue());
        as(token).get("/api/v1/customers/" + id + "/history").then()
                .body("items[-1].change", equalTo("RECLAIMED"))
                .body("items[-1].by", equalTo("system"))
                .body("items[-1].details.fromOwnerId", equalTo(rep));
        CustomerOwnerChanged reclaimed = PublishedEvents.await(id, CustomerOwnerChanged.class, 1).get(0);
        assertThat(reclaimed.change()).isEqualTo("RECLAIMED");
        assertThat(reclaimed.ownerId()).isNull();
        assertThat(reclaimed.previousOwnerId()).isEqualTo(rep);
        assertThat(PublishedEvents.of(id, CustomerReclaimWarning.class)).hasSize(1);
        as(token).post("/api/v1/customers/" + id + "/claim").then().statusCode(409)
                .body("type", equalTo("https://salescrm.dev/problems/claim-cooldown"));
    }

    @Test
    void eachGradeHasItsOwnDaysOfSilence() throws Throwable {
        String token = TestTokens.rep(user("rep"), "east");
        Map<String, String> byGrade = Map.of("A", create(token, "甲类", "A"), "B", create(token, "乙类", "B"),
                "C", create(token, "丙类", "C"));

        TestClock.advance(Duration.ofDays(15).plusHours(1));
        reclaimPass();
        assertThat(List.of(ownerOf(token, byGrade.get("A")), ownerOf(token, byGrade.get("B")))).doesNotContainNull();
        assertThat(ownerOf(token, byGrade.get("C"))).isNull();

        TestClock.advance(Duration.ofDays(15));
        reclaimPass();
        assertThat(ownerOf(token, byGrade.get("A"))).isNotNull();
        assertThat(ownerOf(token, byGrade.get("B"))).isNull();

        TestClock.advance(Duration.ofDays(30));
        reclaimPass();
        assertThat(ownerOf(token, byGrade.get("A"))).isNull();
    }

    @Test
    void aVisitReadFromTheVisitTopicStartsANewSilence() throws Throwable {
        String rep = user("rep");
        String token = TestTokens.rep(rep, "east");
        String id = create(token, "有拜访", "C");
        TestClock.advance(Duration.ofDays(13));
        reclaimPass();
        PublishedEvents.await(id, CustomerReclaimWarning.class, 1);

        VisitLogged visit = VisitTraffic.visit(id, rep, TestClock.now(), false);
        VisitTraffic.publish(visit);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(token).get("/api/v1/customers/" + id).then()
                .extract().path("lastContactAt") != null);

        TestClock.advance(Duration.ofDays(10));
        reclaimPass();
        assertThat(ownerOf(token, id)).isEqualTo(rep);
        TestClock.advance(Duration.ofDays(2).plusHours(1));
        reclaimPass();
        // the new silence is warned of in its turn
        assertThat(PublishedEvents.await(id, CustomerReclaimWarning.class, 2)).hasSize(2);
        TestClock.advance(Duration.ofDays(3));
        reclaimPass();
        assertThat(ownerOf(token, id)).isNull();
    }

    @Test
    void anOpenOpportunityInNegotiationKeepsTheCustomerWithItsOwner() throws Throwable {
        String rep = user("rep");
        String token = TestTokens.rep(rep, "east");
        String negotiating = create(token, "谈判中", "C");
        String early = create(token, "立项中", "C");
        openOpportunity(db, negotiating, "NEGOTIATION", rep, "east");
        openOpportunity(db, early, "PROJECT", rep, "east");

        TestClock.advance(Duration.ofDays(20));
        reclaimPass();

        assertThat(ownerOf(token, negotiating)).isEqualTo(rep);
        assertThat(PublishedEvents.of(negotiating, CustomerReclaimWarning.class)).isEmpty();
        assertThat(ownerOf(token, early)).isNull();
    }

    @Test
    void aCustomerClaimedFromThePoolStartsItsSilenceAtTheClaim() throws Throwable {
        String releaser = TestTokens.rep(user("rep"), "east");
        String id = create(releaser, "领取后重新计时", "C");
        as(releaser).body(Map.of("reason", "释放")).post("/api/v1/customers/" + id + "/release").then().statusCode(200);
        TestClock.advance(Duration.ofDays(40));
        String rep = user("rep");
        String token = TestTokens.rep(rep, "east");
        as(token).post("/api/v1/customers/" + id + "/claim").then().statusCode(200);

        reclaimPass();

        assertThat(ownerOf(token, id)).isEqualTo(rep);
    }
}
