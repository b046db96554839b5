package org.salescrm.visit.plan;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.salescrm.visit.Fixtures.ADMIN;
import static org.salescrm.visit.Fixtures.MGR_EAST;
import static org.salescrm.visit.Fixtures.MGR_WEST;
import static org.salescrm.visit.Fixtures.REP_EAST_1;
import static org.salescrm.visit.Fixtures.REP_EAST_2;
import static org.salescrm.visit.Fixtures.as;
import static org.salescrm.visit.Fixtures.customerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salescrm.visit.Fixtures;
import org.salescrm.testsupport.TestTokens;
import org.salescrm.visit.TestClock;

/** Daily visit plans: what was planned, visited and effective against the quota. */
@QuarkusTest
class VisitPlanIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    Pool db;

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private void visitOn(UUID customer, Instant at, boolean effective) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer.toString());
        body.put("method", "ONSITE");
        body.put("occurredAt", at.toString());
        body.put("summary", "按计划拜访");
        if (effective) {
            body.put("keyPersonIds", List.of(Fixtures.keyPersonOf(db, customer).toString()));
            body.put("purposeAchieved", true);
        }
        as(REP_EAST_1).body(body).post("/api/v1/visits").then().statusCode(201);
    }

    @Test
    void planCountsDistinctPlannedCustomersVisitedAndEffectiveThatBusinessDay() {
        // a past business day in Shanghai, so every visit of it is in the past
        LocalDate day = LocalDate.now(SHANGHAI).minusDays(2);
        Instant morning = day.atTime(9, 0).atZone(SHANGHAI).toInstant();
        UUID a = customerOf(db, "rep-east-1", "east");
        UUID b = customerOf(db, "rep-east-1", "east");
        UUID c = customerOf(db, "rep-east-1", "east");
        UUID unplanned = customerOf(db, "rep-east-1", "east");

        // planned on the morning of that day, before it was past
        clock.fixAt(day.atTime(7, 0).atZone(SHANGHAI).toInstant());
        as(REP_EAST_1).body(Map.of("customerIds", List.of(a.toString(), b.toString(), c.toString())))
                .put("/api/v1/visit-plans/" + day)
                .then().statusCode(200)
                .body("planned", equalTo(3)).body("visited", equalTo(0)).body("quota", equalTo(6))
                .body("ownerId", equalTo("rep-east-1")).body("date", equalTo(day.toString()));
        clock.reset();

        visitOn(a, morning, true);
        visitOn(a, morning.plus(2, ChronoUnit.HOURS), false);
        visitOn(b, morning.plus(3, ChronoUnit.HOURS), false);
        visitOn(unplanned, morning, true);
        // 23:30 the evening before, in Shanghai: another business day
        visitOn(c, day.minusDays(1).atTime(23, 30).atZone(SHANGHAI).toInstant(), true);

        as(REP_EAST_1).get("/api/v1/visit-plans/" + day).then().statusCode(200)
                .body("customerIds", contains(a.toString(), b.toString(), c.toString()))
                .body("planned", equalTo(3))
                .body("visited", equalTo(2))
                .body("effective", equalTo(1))
                .body("quota", equalTo(6));

        as(MGR_EAST).queryParam("ownerId", "rep-east-1").get("/api/v1/visit-plans/" + day)
                .then().statusCode(200).body("visited", equalTo(2));
        as(ADMIN).queryParam("ownerId", "rep-east-1").get("/api/v1/visit-plans/" + day)
                .then().statusCode(200);
        as(REP_EAST_2).queryParam("ownerId", "rep-east-1").get("/api/v1/visit-plans/" + day)
                .then().statusCode(404);
        as(MGR_WEST).queryParam("ownerId", "rep-east-1").get("/api/v1/visit-plans/" + day)
                .then().statusCode(404);

        // replanning (that day, at noon) replaces the list
        clock.fixAt(day.atTime(12, 0).atZone(SHANGHAI).toInstant());
        as(REP_EAST_1).body(Map.of("customerIds", List.of(b.toString())))
                .put("/api/v1/visit-plans/" + day)
                .then().statusCode(200).body("planned", equalTo(1)).body("visited", equalTo(1))
                .body("effective", equalTo(0)).body("version", equalTo(1));
    }

    @Test
    void planMayOnlyHoldCustomersTheRepMayWorkOn() {
        UUID mine = customerOf(db, "rep-east-1", "east");
        UUID theirs = customerOf(db, "rep-east-2", "east");
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(1);
        as(REP_EAST_1).body(Map.of("customerIds", List.of(mine.toString(), theirs.toString(),
                        UUID.randomUUID().toString())))
                .put("/api/v1/visit-plans/" + day)
                .then().statusCode(422).body("errors.field", contains("customerIds[1]", "customerIds[2]"));
        as(REP_EAST_1).body(Map.of("customerIds", List.of(mine.toString())))
                .put("/api/v1/visit-plans/not-a-date").then().statusCode(400)
                .body("errors.field", contains("date"));
        as(REP_EAST_1).body(Map.of()).put("/api/v1/visit-plans/" + day).then().statusCode(422)
                .body("errors.field", contains("customerIds"));
        as(REP_EAST_1).get("/api/v1/visit-plans/" + day.plusDays(30)).then().statusCode(200)
                .body("planned", equalTo(0)).body("customerIds.size()", equalTo(0));
    }

    @Test
    void aRepPlansTodayAndLaterButNotAPastDay() {
        // a rep of their own, so no other test's plans share their days
        String repId = "rep-" + UUID.randomUUID();
        String rep = TestTokens.rep(repId, "east");
        UUID mine = customerOf(db, repId, "east");
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> body = Map.of("customerIds", List.of(mine.toString()));
        as(rep).body(body).put("/api/v1/visit-plans/" + today).then().statusCode(200)
                .body("planned", equalTo(1));
        as(rep).body(body).put("/api/v1/visit-plans/" + today.plusDays(7)).then().statusCode(200);

        as(rep).body(Map.of("customerIds", List.of(mine.toString()), "reason", "忘记填写"))
                .put("/api/v1/visit-plans/" + today.minusDays(1)).then().statusCode(422)
                .body("type", endsWith("/plan-day-past"))
                .body("errors.field", contains("date"));
        as(rep).get("/api/v1/visit-plans/" + today.minusDays(1)).then().statusCode(200)
                .body("planned", equalTo(0));
    }

    @Test
    void aManagerCorrectsAPastDayWithAReasonKeptInHistory() {
        String repId = "rep-" + UUID.randomUUID();
        String rep = TestTokens.rep(repId, "east");
        UUID a = customerOf(db, repId, "east");
        UUID b = customerOf(db, repId, "east");
        LocalDate yesterday = LocalDate.now(SHANGHAI).minusDays(1);
        clock.fixAt(yesterday.atTime(8, 0).atZone(SHANGHAI).toInstant());
        as(rep).body(Map.of("customerIds", List.of(a.toString())))
                .put("/api/v1/visit-plans/" + yesterday).then().statusCode(200);
        clock.reset();

        as(MGR_EAST).queryParam("ownerId", repId).body(Map.of("customerIds", List.of(a.toString(), b.toString())))
                .put("/api/v1/visit-plans/" + yesterday).then().statusCode(422)
                .body("type", endsWith("/plan-reason-required"))
                .body("errors.field", contains("reason"));
        as(MGR_WEST).queryParam("ownerId", repId)
                .body(Map.of("customerIds", List.of(), "reason", "不是我的团队"))
                .put("/api/v1/visit-plans/" + yesterday).then().statusCode(404);

        as(MGR_EAST).queryParam("ownerId", repId)
                .body(Map.of("customerIds", List.of(a.toString(), b.toString()), "reason", "客户临时约见，补录计划"))
                .put("/api/v1/visit-plans/" + yesterday).then().statusCode(200)
                .body("ownerId", equalTo(repId)).body("ownerTeam", equalTo("east"))
                .body("planned", equalTo(2)).body("version", equalTo(1));

        as(rep).get("/api/v1/visit-plans/" + yesterday + "/history").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].by", equalTo(repId))
                .body("items[0].correction", equalTo(false))
                .body("items[0].from.size()", equalTo(0))
                .body("items[0].to", contains(a.toString()))
                .body("items[1].by", equalTo("mgr-east"))
                .body("items[1].correction", equalTo(true))
                .body("items[1].reason", equalTo("客户临时约见，补录计划"))
                .body("items[1].from", contains(a.toString()))
                .body("items[1].to", contains(a.toString(), b.toString()));
        as(MGR_EAST).queryParam("ownerId", repId).get("/api/v1/visit-plans/" + yesterday + "/history")
                .then().statusCode(200).body("items.size()", equalTo(2));
        as(REP_EAST_2).queryParam("ownerId", repId).get("/api/v1/visit-plans/" + yesterday + "/history")
                .then().statusCode(404);
    }
}
