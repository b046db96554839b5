package org.salescrm.goal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.goal;
import static org.salescrm.goal.Api.number;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.unique;
import static org.salescrm.goal.TestEvents.SHANGHAI;
import static org.salescrm.goal.TestEvents.publish;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.CustomerDeleted;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.target.ReviewActionAssigned;
import org.salescrm.events.visit.FollowUpCompleted;
import org.salescrm.goal.TestEvents;
import org.salescrm.testsupport.TestTokens;

/** Reviews (复盘) pre-filled from a small data set worked out by hand, their actions and who may do what. */
@QuarkusTest
class ReviewIT {

    static final String ADMIN = TestTokens.admin("admin");
    static final Duration PATIENCE = Duration.ofSeconds(40);

    final String team = unique("team");
    final String rep1 = unique("rep");
    final String rep2 = unique("rep");
    final String manager = TestTokens.manager(unique("mgr"), team);

    @Inject
    Pool db;

    @Test
    void quarterlyTeamReviewIsPreFilledAndShowsThePreviousReviewsActions() {
        setGoal(ADMIN, goal("2026-Q3", "REVENUE", "TEAM", team, 500_000, null));
        setGoal(ADMIN, goal("2026-Q3", "WON_DEALS", "TEAM", team, 4, null));
        Q3 q3 = publishQ3();
        String previous = open("TEAM", team, "2026-Q2");
        patch(previous, 0, Map.of("actions", List.of(
                action("整理三季度商机清单", rep1, "2027-01-15", false, null, true),
                action("每周两次拜访 A 类客户", rep2, "2027-01-15", false, null, false)))).statusCode(200);

        String review = open("TEAM", team, "2026-Q3");

        await().atMost(PATIENCE).untilAsserted(() -> as(manager).get("/api/v1/reviews/{id}", review).then()
                .statusCode(200)
                .body("activity.visits", number("3"))
                .body("activity.collected", number("50000"))
                .body("lost", hasSize(1))
                .body("slipped", hasSize(2)));
        as(manager).get("/api/v1/reviews/{id}", review).then().statusCode(200)
                .body("scope.level", equalTo("TEAM"))
                .body("periodStart", equalTo("2026-07-01"))
                // revenue 200,000 + 100,000 of 500,000; two won deals of four
                .body("goals.metric", contains("REVENUE", "WON_DEALS"))
                .body("goals[0].target", number("500000"))
                .body("goals[0].actual", number("300000"))
                .body("goals[0].achievementRate", number("0.6"))
                .body("goals[1].actual", number("2"))
                .body("goals[1].achievementRate", number("0.5"))
                // open now: S2 and N in TARGET (60,000 + 40,000), S1 in PROJECT; 2 won ÷ 3 closed
                .body("funnel.stages.stage", contains("TARGET", "POTENTIAL", "INTENT", "PROJECT", "ACKNOWLEDGED",
                        "NEGOTIATION"))
                .body("funnel.stages.count", contains(2, 0, 0, 1, 0, 0))
                .body("funnel.stages[0].amount", number("100000"))
                .body("funnel.won", equalTo(2))
                .body("funnel.lost", equalTo(1))
                .body("funnel.conversionRate", number("0.6667"))
                .body("won.opportunityId", contains(q3.w1, q3.w2))
                .body("won.closedOn", contains("2026-08-10", "2026-09-30"))
                .body("lost[0].opportunityId", equalTo(q3.l1))
                .body("lost[0].stage", equalTo("NEGOTIATION"))
                .body("lost[0].lostReason", equalTo("价格高于竞品约15%"))
                .body("lost[0].lostCompetitor", equalTo("用友"))
                // S2 was due 20 September and is still open; S1 was due 15 September and was moved to November
                .body("slipped.opportunityId", contains(q3.s2, q3.s1))
                .body("slipped[1].expectedCloseDate", equalTo("2026-11-30"))
                .body("activity.effectiveVisits", number("2"))
                .body("activity.newCustomers", number("1"))
                .body("activity.wonDeals", number("2"))
                .body("activity.revenue", number("300000"))
                .body("previous.period", equalTo("2026-Q2"))
                .body("previous.actions.action", contains("整理三季度商机清单", "每周两次拜访 A 类客户"))
                .body("previous.actions.status", contains("DONE", "OPEN"));
        as(manager).queryParam("period", "2026-Q3").queryParam("scopeId", team).get("/api/v1/reviews").then()
                .statusCode(200)
                .body("items.id", contains(review))
                .body("items[0].goals", nullValue());
    }

    @Test
    void actionAssignedAsFollowUpIsPublishedAndFollowsTheFollowUpsCompletion() {
        publish(TestEvents.visit(rep1, team, UUID.randomUUID(),
                LocalDateTime.of(2026, 8, 3, 10, 0).atZone(SHANGHAI).toInstant(), true));
        String review = await().atMost(PATIENCE).until(() -> tryOpen("REP", rep1, "2026-Q3"), id -> id != null);
        CustomerCreated created = TestEvents.created(rep1, team, LocalDate.of(2026, 7, 1));
        publish(created);
        ConsumerTask<String, String> goals = TestEvents.kafka().consumeStrings().fromTopics(Topics.GOALS);
        UUID customer = created.aggregateId();
        String due = LocalDate.now(SHANGHAI).plusDays(7).toString();
        Map<String, Object> body = Map.of("missReasons", "大客户项目推迟到四季度", "actions", List.of(
                action("两周内拜访财务总监，确认预算", rep1, due, true, customer.toString(), null)));

        // the customer reaches this service a moment after its event
        List<String> actionIds = await().atMost(PATIENCE).until(() -> patch(review, 0, body), r ->
                        r.extract().statusCode() == 200)
                .body("actions[0].asFollowUp", equalTo(true))
                .body("actions[0].status", equalTo("OPEN"))
                .extract().path("actions.followUpId");
        String actionId = actionIds.get(0);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(goals.getRecords()).filteredOn(r ->
                EventCodec.read(r.value()).type().equals(ReviewActionAssigned.TYPE)).anySatisfy(r -> {
            ReviewActionAssigned event = (ReviewActionAssigned) EventCodec.data(EventCodec.read(r.value()));
            assertThat(event.actionId()).hasToString(actionId);
            assertThat(event.aggregateId()).hasToString(review);
            assertThat(event.ownerId()).isEqualTo(rep1);
            assertThat(event.ownerTeam()).isEqualTo(team);
            assertThat(event.customerId()).isEqualTo(customer);
            assertThat(event.dueOn()).hasToString(due);
            assertThat(r.key()).isEqualTo(customer.toString());
        }));
        goals.close();

        // visit-service completes the follow-up, which carries the action's id
        publish(new FollowUpCompleted(UUID.randomUUID(), UUID.fromString(actionId), 2, rep1, team,
                java.time.Instant.now(), customer, null, rep1, "两周内拜访财务总监，确认预算", "预算已确认", java.time.Instant.now(),
                LocalDate.parse(due)));
        await().atMost(PATIENCE).untilAsserted(() -> as(TestTokens.rep(rep1, team))
                .get("/api/v1/reviews/{id}", review).then().statusCode(200)
                .body("actions[0].status", equalTo("DONE"))
                .body("actions[0].result", equalTo("预算已确认")));
    }

    @Test
    void reviewsAreScopedAndEachWritesOnlyTheirOwnFields() {
        publish(TestEvents.visit(rep1, team, UUID.randomUUID(),
                LocalDateTime.of(2026, 10, 3, 10, 0).atZone(SHANGHAI).toInstant(), true));
        String teamReview = open("TEAM", team, "2026-10");
        String repReview = await().atMost(PATIENCE).until(() -> tryOpen("REP", rep1, "2026-10"), id -> id != null);
        String otherManager = TestTokens.manager(unique("mgr"), unique("team"));
        String self = TestTokens.rep(rep1, team);

        as(otherManager).get("/api/v1/reviews/{id}", teamReview).then().statusCode(404);
        as(otherManager).header("If-Match", "0").body(Map.of("missReasons", "x"))
                .patch("/api/v1/reviews/{id}", teamReview).then().statusCode(404);
        as(TestTokens.rep(rep2, team)).get("/api/v1/reviews/{id}", repReview).then().statusCode(404);
        as(self).get("/api/v1/reviews/{id}", teamReview).then().statusCode(404);
        as(self).body(Map.of("scope", Map.of("level", "REP", "id", rep1), "period", "2026-11"))
                .post("/api/v1/reviews").then().statusCode(403);
        as(otherManager).body(Map.of("scope", Map.of("level", "TEAM", "id", team), "period", "2026-11"))
                .post("/api/v1/reviews").then().statusCode(403);

        as(self).header("If-Match", "0").body(Map.of("missReasons", "不是我写的"))
                .patch("/api/v1/reviews/{id}", repReview).then().statusCode(403);
        as(manager).header("If-Match", "0").body(Map.of("repAnswer", "替销售回答"))
                .patch("/api/v1/reviews/{id}", repReview).then().statusCode(403);
        as(self).header("If-Match", "0").body(Map.of("repAnswer", "同意，下月补上拜访量"))
                .patch("/api/v1/reviews/{id}", repReview).then().statusCode(200)
                .body("repAnswer", equalTo("同意，下月补上拜访量"))
                .body("version", equalTo(1));
        as(self).header("If-Match", "0").body(Map.of("repAnswer", "再改一次"))
                .patch("/api/v1/reviews/{id}", repReview).then().statusCode(412);
        as(self).body(Map.of("repAnswer", "没有版本")).patch("/api/v1/reviews/{id}", repReview).then()
                .statusCode(428);
        as(self).queryParam("scopeId", rep1).get("/api/v1/reviews").then().statusCode(200)
                .body("items.id", contains(repReview));
        as(manager).body(Map.of("scope", Map.of("level", "TEAM", "id", team), "period", "2026-10"))
                .post("/api/v1/reviews").then().statusCode(409)
                .body("existingReviewId", equalTo(teamReview));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndRule() {
        as(manager).body(Map.of("scope", Map.of("level", "COMPANY", "id", "company"), "period", "2026-Q3"))
                .post("/api/v1/reviews").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("scope.level"))
                .body("errors.rule", hasItem("TEAM-or-REP"));
        as(manager).body(Map.of("scope", Map.of("level", "TEAM", "id", team), "period", "2026-Q5"))
                .post("/api/v1/reviews").then().statusCode(422)
                .body("errors.field", hasItem("period"));
        String review = open("TEAM", team, "2026-09");
        var actions = List.of(action("", rep1, "2027-01-01", false, null, null),
                action("回访", rep1, "2027-01-01", true, null, null));

        patch(review, 0, Map.of("actions", actions)).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("actions[0].action"))
                .body("errors.rule", hasItem("NotBlank"))
                .body("errors.field", hasItem("actions[1].customerId"))
                .body("errors.rule", hasItem("NotNull"));
        patch(review, 0, Map.of("version", 3)).statusCode(400);
        as(manager).get("/api/v1/reviews/{id}", review).then().statusCode(200)
                .body("version", equalTo(0))
                .body("actions", hasSize(0));
    }

    @Test
    void actionsNameOnlyCustomersDealsAndRepsTheManagerMaySeeAndOneOutOfReachAnswersAsOneNeverSeen() {
        LocalDate july = LocalDate.of(2026, 7, 1);
        CustomerCreated own = TestEvents.created(rep1, team, july);
        CustomerCreated moved = TestEvents.created(rep1, team, july);
        CustomerCreated deleted = TestEvents.created(rep1, team, july);
        String otherTeam = unique("team");
        CustomerCreated theirs = TestEvents.created(unique("rep"), otherTeam, july);
        OpportunityOpened ownDeal = TestEvents.opened(rep1, team, own.aggregateId(), "二期", "80000", july, july);
        OpportunityOpened dealOfAnother = TestEvents.opened(rep1, team, moved.aggregateId(), "扩容", "50000", july, july);
        OpportunityOpened theirDeal = TestEvents.opened(theirs.ownerId(), otherTeam, theirs.aggregateId(), "新购",
                "90000", july, july);
        publish(own, moved, deleted, theirs, ownDeal, dealOfAnother, theirDeal,
                new CustomerOwnerChanged(UUID.randomUUID(), moved.aggregateId(), 1, theirs.ownerId(), otherTeam,
                        Instant.now(), rep1, team, "TRANSFER", "调整区域", "admin", moved.name(), "B"),
                new CustomerDeleted(UUID.randomUUID(), deleted.aggregateId(), 1, rep1, team, Instant.now(),
                        deleted.name(), "admin"));
        await().atMost(PATIENCE).until(() -> replicated("""
                SELECT (SELECT count(*) FROM customer_owner WHERE customer_id = ANY ($1)
                          AND aggregate_version = CASE WHEN customer_id = $2 THEN 1 ELSE 0 END)
                     + (SELECT count(*) FROM archived_record WHERE record_id = $3 AND archived)
                     + (SELECT count(*) FROM opportunity_replica WHERE opportunity_id = ANY ($4))
                     + (SELECT count(*) FROM rep_team WHERE rep_id = $5)""",
                new UUID[] {own.aggregateId(), moved.aggregateId(), theirs.aggregateId()}, moved.aggregateId(),
                deleted.aggregateId(), new UUID[] {ownDeal.aggregateId(), dealOfAnother.aggregateId(),
                        theirDeal.aggregateId()}, theirs.ownerId()) == 8);
        String review = open("TEAM", team, "2026-08");
        String due = LocalDate.now(SHANGHAI).plusDays(7).toString();
        patch(review, 0, Map.of("actions", List.of(
                withDeal(action("推进二期", rep1, due, true, own.aggregateId().toString(), null), ownDeal))))
                .statusCode(200);
        String unknown = UUID.randomUUID().toString();

        // moved to another team, deleted, another team's, never seen: each answers exactly as the one never seen
        List<String> answers = new ArrayList<>();
        for (String customer : List.of(moved.aggregateId().toString(), deleted.aggregateId().toString(),
                theirs.aggregateId().toString(), unknown)) {
            answers.add(patch(review, 1, Map.of("actions", List.of(action("回访", rep1, due, true, customer, null))))
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/review-action-reference"))
                    .body("errors.field", contains("actions[0].customerId"))
                    .body("errors.rule", contains("reachable"))
                    .extract().asString());
        }
        assertThat(answers).containsOnly(answers.get(3));
        patch(review, 1, Map.of("actions", List.of(
                        withDeal(action("谈判", rep1, due, false, own.aggregateId().toString(), null), theirDeal),
                        withDeal(action("报价", rep1, due, false, own.aggregateId().toString(), null), dealOfAnother))))
                .statusCode(422)
                .body("errors.field", contains("actions[0].opportunityId", "actions[1].opportunityId"))
                .body("errors.rule", contains("reachable", "ofCustomer"));
        // another team's rep
        patch(review, 1, Map.of("actions", List.of(action("回访", theirs.ownerId(), due, false, null, null))))
                .statusCode(422)
                .body("errors.field", contains("actions[0].ownerId"))
                .body("errors.rule", contains("ofYourTeams"));
        as(manager).get("/api/v1/reviews/{id}", review).then().statusCode(200)
                .body("version", equalTo(1))
                .body("actions.action", contains("推进二期"))
                .body("actions[0].opportunityId", equalTo(ownDeal.aggregateId().toString()));
    }

    /** The hand-checked third quarter of the team: two wins, a loss to a competitor, two deals that slipped. */
    private Q3 publishQ3() {
        LocalDate june = LocalDate.of(2026, 6, 1);
        OpportunityOpened w1 = TestEvents.opened(rep1, team, UUID.randomUUID(), "W1", "200000",
                LocalDate.of(2026, 8, 15), june);
        OpportunityOpened w2 = TestEvents.opened(rep2, team, UUID.randomUUID(), "W2", "100000",
                LocalDate.of(2026, 9, 30), june);
        OpportunityOpened l1 = TestEvents.opened(rep1, team, UUID.randomUUID(), "L1", "90000",
                LocalDate.of(2026, 9, 1), june);
        OpportunityOpened s1 = TestEvents.opened(rep2, team, UUID.randomUUID(), "S1", "80000",
                LocalDate.of(2026, 9, 15), june);
        OpportunityOpened s2 = TestEvents.opened(rep1, team, UUID.randomUUID(), "S2", "60000",
                LocalDate.of(2026, 9, 20), june);
        OpportunityOpened n = TestEvents.opened(rep1, team, UUID.randomUUID(), "N", "40000",
                LocalDate.of(2026, 12, 20), june);
        publish(w1, TestEvents.moved(w1, 5, "NEGOTIATION", "WON", "200000", LocalDate.of(2026, 8, 15),
                LocalDate.of(2026, 8, 10)), TestEvents.won(w1, 5, "200000", LocalDate.of(2026, 8, 10)));
        publish(w2, TestEvents.moved(w2, 5, "NEGOTIATION", "WON", "100000", LocalDate.of(2026, 9, 30),
                LocalDate.of(2026, 9, 30)), TestEvents.won(w2, 5, "100000", LocalDate.of(2026, 9, 30)));
        publish(l1);
        OpportunityLost lost = TestEvents.lost(l1.aggregateId(), 4, rep1, team, l1.customerId(), "NEGOTIATION",
                "90000", LocalDate.of(2026, 8, 20), "价格高于竞品约15%");
        TestEvents.publishRaw(lost, TestEvents.envelopeWith(lost, "competitor", "用友"));
        publish(s1, TestEvents.updated(s1, 2, "PROJECT", "80000", LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 9, 10)));
        publish(s2, n);
        publish(TestEvents.visit(rep1, team, UUID.randomUUID(),
                        LocalDateTime.of(2026, 7, 6, 10, 0).atZone(SHANGHAI).toInstant(), true),
                TestEvents.visit(rep1, team, UUID.randomUUID(),
                        LocalDateTime.of(2026, 8, 6, 10, 0).atZone(SHANGHAI).toInstant(), false),
                TestEvents.visit(rep2, team, UUID.randomUUID(),
                        LocalDateTime.of(2026, 9, 6, 10, 0).atZone(SHANGHAI).toInstant(), true),
                TestEvents.payment(rep1, team, w1.customerId(), "50000", LocalDate.of(2026, 9, 5)),
                TestEvents.created(rep2, team, LocalDate.of(2026, 7, 3)));
        return new Q3(id(w1), id(w2), id(l1), id(s1), id(s2));
    }

    record Q3(String w1, String w2, String l1, String s1, String s2) {
    }

    private static String id(OpportunityOpened deal) {
        return deal.aggregateId().toString();
    }

    private String open(String level, String id, String period) {
        return as(manager).body(Map.of("scope", Map.of("level", level, "id", id), "period", period))
                .post("/api/v1/reviews").then().statusCode(201).extract().path("id");
    }

    /** A REP review can be opened once this service knows the rep's team from an event. */
    private String tryOpen(String level, String id, String period) {
        var response = as(manager).body(Map.of("scope", Map.of("level", level, "id", id), "period", period))
                .post("/api/v1/reviews");
        return response.statusCode() == 201 ? response.path("id") : null;
    }

    private ValidatableResponse patch(String review, long version, Map<String, Object> body) {
        return as(manager).header("If-Match", String.valueOf(version)).body(body)
                .patch("/api/v1/reviews/{id}", review).then();
    }

    private static Map<String, Object> action(String text, String owner, String dueOn, boolean asFollowUp,
                                              String customerId, Boolean done) {
        Map<String, Object> action = new java.util.LinkedHashMap<>();
        action.put("action", text);
        action.put("ownerId", owner);
        action.put("dueOn", dueOn);
        action.put("asFollowUp", asFollowUp);
        if (customerId != null) {
            action.put("customerId", customerId);
        }
        if (done != null) {
            action.put("done", done);
        }
        return action;
    }

    private static Map<String, Object> withDeal(Map<String, Object> action, OpportunityOpened deal) {
        action.put("opportunityId", deal.aggregateId().toString());
        return action;
    }

    /** A count over this service's replicas: how far the published events have been applied. */
    private long replicated(String sql, Object... parameters) {
        return db.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely().iterator().next().getLong(0);
    }
}
