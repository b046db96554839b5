package org.salescrm.customer.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.customer.opportunity.Funnel.as;
import static org.salescrm.customer.opportunity.Funnel.customer;
import static org.salescrm.customer.opportunity.Funnel.decisionMaker;
import static org.salescrm.customer.opportunity.Funnel.giveAllEvidence;
import static org.salescrm.customer.opportunity.Funnel.move;
import static org.salescrm.customer.opportunity.Funnel.newManager;
import static org.salescrm.customer.opportunity.Funnel.newRep;
import static org.salescrm.customer.opportunity.Funnel.open;
import static org.salescrm.customer.opportunity.Funnel.opportunityBody;
import static org.salescrm.customer.opportunity.Funnel.patch;
import static org.salescrm.customer.opportunity.Funnel.startOf;
import static org.salescrm.customer.opportunity.Funnel.today;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.testsupport.Concurrently;
import org.salescrm.testsupport.TestTokens;

/** The funnel as a client sees it: gates, moves, edits, histories and who may see what. */
@QuarkusTest
class OpportunityApiIT {

    @Inject
    Pool db;

    @Test
    void openedOpportunityStartsInTargetOwnedByTheCustomersOwner() {
        String rep = newRep("east");
        String customerId = customer(rep);

        as(rep).body(opportunityBody(customerId)).post("/api/v1/opportunities").then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("stage", equalTo("TARGET"))
                .body("status", equalTo("OPEN"))
                .body("probability", equalTo(5))
                .body("currency", equalTo("CNY"))
                .body("openedOn", equalTo(today().toString()))
                .body("ownerTeam", equalTo("east"))
                .body("version", notNullValue())
                .body("stageEnteredAt", notNullValue());
    }

    @Test
    void retriedOpenWithTheSameIdempotencyKeyReturnsTheFirstOpportunity() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = opportunityBody(customerId);

        String first = as(rep).header("Idempotency-Key", key).body(body).post("/api/v1/opportunities").then()
                .statusCode(201).extract().path("id");
        as(rep).header("Idempotency-Key", key).body(body).post("/api/v1/opportunities").then()
                .statusCode(200).body("id", equalTo(first));
        as(rep).queryParam("customerId", customerId).get("/api/v1/opportunities").then().body("items", hasSize(1));
    }

    @Test
    void anIdempotencyKeyThatCreatedACustomerCannotOpenAnOpportunity() {
        String rep = newRep("east");
        String key = UUID.randomUUID().toString();
        String customerId = as(rep).header("Idempotency-Key", key)
                .body(Map.of("name", "幂等键测试有限公司" + UUID.randomUUID()))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");

        as(rep).header("Idempotency-Key", key).body(opportunityBody(customerId)).post("/api/v1/opportunities").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://salescrm.dev/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"))
                .body("detail", containsString("customer"));
        as(rep).queryParam("customerId", customerId).get("/api/v1/opportunities").then().body("items", hasSize(0));
    }

    @Test
    void managerOpeningForTheTeamsCustomerLeavesItWithTheCustomersOwner() {
        String rep = TestTokens.rep("rep-owner-" + UUID.randomUUID(), "east");
        String customerId = customer(rep);
        String ownerId = as(rep).get("/api/v1/customers/" + customerId).then().extract().path("ownerId");

        as(newManager("east")).body(opportunityBody(customerId)).post("/api/v1/opportunities").then()
                .statusCode(201).body("ownerId", equalTo(ownerId));
    }

    @Test
    void projectNeedsABudget() {
        String rep = newRep("east");
        String id = open(rep, customer(rep));

        move(rep, id, Map.of("stage", "PROJECT")).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://salescrm.dev/problems/stage-evidence-missing"))
                .body("missingEvidence", contains("budget"))
                .body("errors.field", contains("budget"));

        patch(rep, id, Map.of("budget", 0)).statusCode(200);
        move(rep, id, Map.of("stage", "PROJECT")).statusCode(422).body("missingEvidence", contains("budget"));

        patch(rep, id, Map.of("budget", 50000)).statusCode(200);
        move(rep, id, Map.of("stage", "PROJECT")).statusCode(200)
                .body("stage", equalTo("PROJECT")).body("probability", equalTo(40));
    }

    @Test
    void acknowledgedNeedsAnActiveDecisionMaker() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String id = open(rep, customerId);
        patch(rep, id, Map.of("budget", 50000)).statusCode(200);
        move(rep, id, Map.of("stage", "PROJECT")).statusCode(200);
        Funnel.keyPerson(rep, customerId, Map.of("name", "李经理", "kpType", "RECOMMENDER"));

        move(rep, id, Map.of("stage", "ACKNOWLEDGED")).statusCode(422)
                .body("missingEvidence", contains("decisionMaker"));

        String boss = decisionMaker(rep, customerId);
        as(rep).body(Map.of()).post("/api/v1/key-persons/" + boss + "/left").then().statusCode(200);
        move(rep, id, Map.of("stage", "ACKNOWLEDGED")).statusCode(422)
                .body("missingEvidence", contains("decisionMaker"));

        decisionMaker(rep, customerId);
        move(rep, id, Map.of("stage", "ACKNOWLEDGED")).statusCode(200).body("probability", equalTo(60));
    }

    @Test
    void negotiationNeedsAQuote() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String id = open(rep, customerId);
        decisionMaker(rep, customerId);
        patch(rep, id, Map.of("budget", 50000)).statusCode(200);
        move(rep, id, Map.of("stage", "ACKNOWLEDGED")).statusCode(200);

        move(rep, id, Map.of("stage", "NEGOTIATION")).statusCode(422).body("missingEvidence", contains("quoteAmount"));

        patch(rep, id, Map.of("quoteAmount", 48000)).statusCode(200);
        move(rep, id, Map.of("stage", "NEGOTIATION")).statusCode(200).body("probability", equalTo(80));
    }

    @Test
    void wonNeedsTheSignedContractAndTheFirstPayment() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String id = open(rep, customerId);
        decisionMaker(rep, customerId);
        patch(rep, id, Map.of("budget", 50000, "quoteAmount", 48000)).statusCode(200);
        move(rep, id, Map.of("stage", "NEGOTIATION")).statusCode(200);

        move(rep, id, Map.of("stage", "WON")).statusCode(422)
                .body("missingEvidence", contains("contractSignedOn", "firstPaymentOn"));
        patch(rep, id, Map.of("contractSignedOn", today().toString())).statusCode(200);
        move(rep, id, Map.of("stage", "WON")).statusCode(422).body("missingEvidence", contains("firstPaymentOn"));

        patch(rep, id, Map.of("firstPaymentOn", today().toString())).statusCode(200);
        move(rep, id, Map.of("stage", "WON")).statusCode(200)
                .body("stage", equalTo("WON")).body("status", equalTo("WON")).body("probability", equalTo(100));
    }

    @Test
    void skippingForwardWithoutEvidenceListsEverythingMissing() {
        String rep = newRep("east");
        String id = open(rep, customer(rep));

        move(rep, id, Map.of("stage", "WON")).statusCode(422)
                .body("missingEvidence", contains("budget", "decisionMaker", "quoteAmount", "contractSignedOn",
                        "firstPaymentOn"))
                .body("errors.rule", hasItem("evidence"));
        move(rep, id, Map.of("stage", "ACKNOWLEDGED")).statusCode(422)
                .body("missingEvidence", contains("budget", "decisionMaker"));
        as(rep).get("/api/v1/opportunities/" + id).then().body("stage", equalTo("TARGET"));
    }

    @Test
    void skippingForwardWithEveryPassedStagesEvidenceIsAllowed() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String id = open(rep, customerId);

        move(rep, id, Map.of("stage", "INTENT")).statusCode(200).body("stage", equalTo("INTENT"));
        giveAllEvidence(rep, customerId, id);
        move(rep, id, Map.of("stage", "WON")).statusCode(200).body("status", equalTo("WON"));
    }

    @Test
    void movingBackNeedsAReason() {
        String rep = newRep("east");
        String id = open(rep, customer(rep));
        move(rep, id, Map.of("stage", "INTENT")).statusCode(200);

        move(rep, id, Map.of("stage", "POTENTIAL")).statusCode(422)
                .body("errors.field", contains("reason")).body("errors.rule", contains("requiredWhenMovingBack"));
        move(rep, id, Map.of("stage", "POTENTIAL", "reason", " ")).statusCode(422);

        move(rep, id, Map.of("stage", "POTENTIAL", "reason", "客户预算冻结")).statusCode(200)
                .body("stage", equalTo("POTENTIAL")).body("probability", equalTo(10));
    }

    @Test
    void movingBackNeedsNoEvidence() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String id = open(rep, customerId);
        giveAllEvidence(rep, customerId, id);
        move(rep, id, Map.of("stage", "NEGOTIATION")).statusCode(200);
        patch(rep, id, Map.of("budget", 0)).statusCode(200);

        move(rep, id, Map.of("stage", "INTENT", "reason", "项目重新评估")).statusCode(200);
    }

    @Test
    void stageMustBeAFunnelStageAndDiffer() {
        String rep = newRep("east");
        String id = open(rep, customer(rep));

        move(rep, id, Map.of("stage", "LOST")).statusCode(422).body("errors.field", hasItem("stage"));
        move(rep, id, Map.of()).statusCode(422).body("errors.field", hasItem("stage"));
        move(rep, id, Map.of("stage", "TARGET")).statusCode(422).body("errors.rule", hasItem("differentFromCurrent"));
    }

    @Test
    void occurredAtMayNotBeInTheFutureNorBeforeTheLastStageChange() {
        String rep = newRep("east");
        String id = open(rep, Funnel.opportunityBodyOpenedOn(customer(rep), today().minusDays(10)));

        move(rep, id, Map.of("stage", "POTENTIAL", "occurredAt", Instant.now().plus(Duration.ofHours(2)).toString()))
                .statusCode(422).body("errors.field", contains("occurredAt"))
                .body("errors.rule", contains("PastOrPresent"));
        move(rep, id, Map.of("stage", "POTENTIAL", "occurredAt", startOf(today().minusDays(11)).toString()))
                .statusCode(422).body("errors.rule", contains("notBeforeLastStageChange"));

        Instant sixDaysAgo = startOf(today().minusDays(6));
        move(rep, id, Map.of("stage", "POTENTIAL", "occurredAt", sixDaysAgo.toString())).statusCode(200)
                .body("stageEnteredAt", equalTo(sixDaysAgo.toString()));
        move(rep, id, Map.of("stage", "INTENT", "occurredAt", startOf(today().minusDays(7)).toString()))
                .statusCode(422).body("errors.rule", contains("notBeforeLastStageChange"));
    }

    @Test
    void openedOnMayBeInThePastForImportsButNeverInTheFuture() {
        String rep = newRep("east");
        String customerId = customer(rep);

        as(rep).body(Funnel.opportunityBodyOpenedOn(customerId, today().plusDays(1))).post("/api/v1/opportunities")
                .then().statusCode(422).body("errors.field", contains("openedOn"))
                .body("errors.rule", contains("PastOrPresent"));

        LocalDate lastYear = today().minusYears(1);
        as(rep).body(Funnel.opportunityBodyOpenedOn(customerId, lastYear)).post("/api/v1/opportunities")
                .then().statusCode(201)
                .body("openedOn", equalTo(lastYear.toString()))
                .body("stageEnteredAt", equalTo(startOf(lastYear).toString()));
    }

    @Test
    void badInputNamesEachFieldAndRule() {
        String rep = newRep("east");
        String customerId = customer(rep);
        Map<String, Object> body = opportunityBody(customerId);
        body.put("amount", -1);
        body.put("name", "名".repeat(201));
        body.put("currency", "yuan");
        as(rep).body(body).post("/api/v1/opportunities").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("amount", "name", "currency"));

        as(rep).body(Map.of("customerId", customerId)).post("/api/v1/opportunities").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("name", "amount", "expectedCloseDate"));

        Map<String, Object> early = opportunityBody(customerId);
        early.put("expectedCloseDate", today().minusDays(1).toString());
        as(rep).body(early).post("/api/v1/opportunities").then().statusCode(422)
                .body("errors.rule", contains("notBeforeOpenedOn"));

        Map<String, Object> badDate = opportunityBody(customerId);
        badDate.put("expectedCloseDate", "next friday");
        as(rep).body(badDate).post("/api/v1/opportunities").then().statusCode(400)
                .body("errors[0].field", equalTo("expectedCloseDate"));
    }

    /** API.md: names ≤ 200 characters, other texts (a product line) ≤ 2,000. */
    @Test
    void productLineIsATextOfUpToTwoThousandCharacters() {
        String rep = newRep("east");
        String customerId = customer(rep);
        Map<String, Object> body = opportunityBody(customerId);
        body.put("productLine", "线".repeat(2000));
        as(rep).body(body).post("/api/v1/opportunities").then().statusCode(201)
                .body("productLine", equalTo("线".repeat(2000)));
        body.put("productLine", "线".repeat(2001));
        as(rep).body(body).post("/api/v1/opportunities").then().statusCode(422)
                .body("errors.field", contains("productLine"));
    }

    @Test
    void aMergePatchClearsAnOptionalFieldButNeitherARequiredOneNorTheEvidenceOfAStageReached() {
        String rep = newRep("east");
        String id = open(rep, customer(rep));
        patch(rep, id, Map.of("budget", 50000, "quoteAmount", 60000)).statusCode(200);

        as(rep).header("If-Match", "1").contentType("application/merge-patch+json").body("{\"quoteAmount\": null}")
                .patch("/api/v1/opportunities/" + id).then().statusCode(200)
                .body("quoteAmount", nullValue()).body("budget", equalTo(50000)).body("version", equalTo(2));
        as(rep).get("/api/v1/opportunities/" + id + "/changes").then().statusCode(200)
                .body("items.field", contains("budget", "quoteAmount", "quoteAmount"))
                .body("items[2].from", equalTo("60000"))
                .body("items[2].to", nullValue());

        move(rep, id, Map.of("stage", "PROJECT")).statusCode(200);
        java.util.HashMap<String, Object> clearBudget = new java.util.HashMap<>();
        clearBudget.put("budget", null);
        patch(rep, id, clearBudget).statusCode(422)
                .body("errors[0].field", equalTo("budget")).body("errors[0].rule", equalTo("evidence"));
        java.util.HashMap<String, Object> clearAmount = new java.util.HashMap<>();
        clearAmount.put("amount", null);
        patch(rep, id, clearAmount).statusCode(422)
                .body("errors[0].field", equalTo("amount")).body("errors[0].rule", equalTo("NotNull"));
        as(rep).get("/api/v1/opportunities/" + id).then().body("budget", equalTo(50000)).body("version", equalTo(3));
    }

    @Test
    void serverOwnedAndUnknownFieldsAreRefused() {
        String rep = newRep("east");
        String customerId = customer(rep);
        for (String field : List.of("ownerId", "stage", "status", "probability", "version", "createdAt", "nickname")) {
            Map<String, Object> body = opportunityBody(customerId);
            body.put(field, "x");
            as(rep).body(body).post("/api/v1/opportunities").then().statusCode(400)
                    .body("errors[0].field", equalTo(field));
        }
        String id = open(rep, customerId);
        patch(rep, id, Map.of("stage", "WON")).statusCode(400).body("errors[0].field", equalTo("stage"));
        patch(rep, id, Map.of("ownerId", "rep-east-2")).statusCode(400).body("errors[0].field", equalTo("ownerId"))
                .body("type", equalTo("https://salescrm.dev/problems/read-only-field"));
        patch(rep, id, Map.of("nickname", "x")).statusCode(400).body("errors[0].field", equalTo("nickname"))
                .body("type", equalTo("https://salescrm.dev/problems/unknown-field"));
    }

    @Test
    void opportunityNeedsACustomerTheCallerOwns() {
        String rep = newRep("east");
        String someoneElses = customer(newRep("east"));

        as(rep).body(opportunityBody(someoneElses)).post("/api/v1/opportunities").then().statusCode(422)
                .body("errors.field", contains("customerId"));
        as(rep).body(opportunityBody(UUID.randomUUID().toString())).post("/api/v1/opportunities").then()
                .statusCode(422).body("errors.field", contains("customerId"));
    }

    @Test
    void customerInThePoolGetsNoOpportunityUntilClaimed() {
        String rep = newRep("east");
        String customerId = customer(rep);
        db.preparedQuery("UPDATE customer SET owner_id = NULL, owner_team = NULL WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(customerId))).await().indefinitely();

        as(rep).body(opportunityBody(customerId)).post("/api/v1/opportunities").then().statusCode(422)
                .body("type", equalTo("https://salescrm.dev/problems/customer-in-pool"))
                .body("errors.field", contains("customerId"));
    }

    @Test
    void repCannotSeeOrChangeAnotherRepsOpportunity() {
        String owner = newRep("east");
        String other = newRep("east");
        String id = open(owner, customer(owner));

        as(other).get("/api/v1/opportunities/" + id).then().statusCode(404)
                .body("type", equalTo("https://salescrm.dev/problems/not-found"));
        as(other).header("If-Match", "0").body(Map.of("name", "抢单")).patch("/api/v1/opportunities/" + id)
                .then().statusCode(404);
        move(other, id, Map.of("stage", "POTENTIAL")).statusCode(404);
        as(other).body(Map.of("reason", "x")).post("/api/v1/opportunities/" + id + "/lose").then().statusCode(404);
        as(other).get("/api/v1/opportunities/" + id + "/history").then().statusCode(404);
        as(other).get("/api/v1/opportunities/" + id + "/changes").then().statusCode(404);
        as(other).get("/api/v1/opportunities?customerId=" + as(owner).get("/api/v1/opportunities/" + id)
                .then().extract().path("customerId")).then().statusCode(200).body("items", hasSize(0));
        as(owner).get("/api/v1/opportunities/" + id).then().statusCode(200).body("stage", equalTo("TARGET"));
    }

    @Test
    void managerSeesTheTeamsOpportunitiesNotAnotherTeams() {
        String east = newRep("east");
        String west = newRep("west");
        String eastId = open(east, customer(east));
        String westId = open(west, customer(west));
        String mgrEast = newManager("east");

        as(mgrEast).get("/api/v1/opportunities/" + eastId).then().statusCode(200);
        as(mgrEast).get("/api/v1/opportunities/" + westId).then().statusCode(404);
        move(mgrEast, westId, Map.of("stage", "POTENTIAL")).statusCode(404);
        as(TestTokens.admin("admin-" + UUID.randomUUID())).get("/api/v1/opportunities/" + westId).then().statusCode(200);
    }

    @Test
    void listFiltersAndPages() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String first = open(rep, customerId);
        String second = open(rep, customerId);
        String third = open(rep, customerId);
        move(rep, second, Map.of("stage", "POTENTIAL")).statusCode(200);
        as(rep).body(Map.of("reason", "预算取消")).post("/api/v1/opportunities/" + third + "/lose").then().statusCode(200);

        as(rep).queryParam("customerId", customerId).queryParam("stage", "POTENTIAL").get("/api/v1/opportunities")
                .then().statusCode(200).body("items.id", contains(second));
        as(rep).queryParam("customerId", customerId).queryParam("status", "LOST").get("/api/v1/opportunities")
                .then().statusCode(200).body("items.id", contains(third));
        String next = as(rep).queryParam("customerId", customerId).queryParam("limit", 2).get("/api/v1/opportunities")
                .then().statusCode(200).body("items.id", contains(third, second)).extract().path("next");
        as(rep).queryParam("customerId", customerId).queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/v1/opportunities").then().statusCode(200)
                .body("items.id", contains(first)).body("next", nullValue());

        as(rep).queryParam("stage", "LOST").get("/api/v1/opportunities").then().statusCode(422)
                .body("errors.field", hasItem("stage"));
        as(rep).queryParam("customerId", "abc").get("/api/v1/opportunities").then().statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void patchNeedsTheCurrentVersion() {
        String rep = newRep("east");
        String id = open(rep, customer(rep));

        as(rep).body(Map.of("name", "无版本")).patch("/api/v1/opportunities/" + id).then()
                .statusCode(428).contentType("application/problem+json");
        as(rep).header("If-Match", "0").body(Map.of("amount", 150000)).patch("/api/v1/opportunities/" + id).then()
                .statusCode(200).body("version", equalTo(1)).body("amount", equalTo(150000));
        as(rep).header("If-Match", "0").body(Map.of("amount", 160000)).patch("/api/v1/opportunities/" + id).then()
                .statusCode(412).body("currentVersion", equalTo(1));
        as(rep).header("If-Match", "\"1\"").body(Map.of("amount", -5)).patch("/api/v1/opportunities/" + id).then()
                .statusCode(422).body("errors.field", contains("amount"));
        as(rep).header("If-Match", "1").body(Map.of("contractSignedOn", today().plusDays(3).toString()))
                .patch("/api/v1/opportunities/" + id).then()
                .statusCode(422).body("errors.field", contains("contractSignedOn"));
        as(rep).get("/api/v1/opportunities/" + id).then().body("amount", equalTo(150000)).body("version", equalTo(1));
    }

    @Test
    void fieldHistoryTellsWhoChangedWhatFromWhatToWhat() {
        String rep = TestTokens.rep("rep-history-" + UUID.randomUUID(), "east");
        String id = open(rep, customer(rep));

        patch(rep, id, Map.of("amount", 200000, "budget", 180000)).statusCode(200);
        patch(rep, id, Map.of("amount", 200000.00, "name", "二期项目")).statusCode(200);

        as(rep).get("/api/v1/opportunities/" + id + "/changes").then().statusCode(200)
                .body("items.field", contains("amount", "budget", "name"))
                .body("items[0].from", equalTo("120000"))
                .body("items[0].to", equalTo("200000"))
                .body("items[1].from", nullValue())
                .body("items[0].version", equalTo(1))
                .body("items[2].version", equalTo(2))
                .body("items[0].by", org.hamcrest.Matchers.startsWith("rep-history-"));
    }

    @Test
    void closedOpportunityNeitherMovesNorChanges() {
        String rep = newRep("east");
        String id = open(rep, customer(rep));
        as(rep).body(Map.of()).post("/api/v1/opportunities/" + id + "/lose").then().statusCode(422)
                .body("errors.field", contains("reason"));
        as(rep).body(Map.of("reason", "竞品低价")).post("/api/v1/opportunities/" + id + "/lose").then()
                .statusCode(200).body("status", equalTo("LOST")).body("stage", equalTo("TARGET"))
                .body("probability", equalTo(0)).body("lostReason", equalTo("竞品低价"));

        move(rep, id, Map.of("stage", "POTENTIAL")).statusCode(409)
                .body("type", equalTo("https://salescrm.dev/problems/opportunity-closed"));
        patch(rep, id, Map.of("amount", 1)).statusCode(409);
        as(rep).body(Map.of("reason", "again")).post("/api/v1/opportunities/" + id + "/lose").then().statusCode(409);
    }

    @Test
    void historyListsEveryMoveWithTheDaysSpentInEachStage() {
        String rep = TestTokens.rep("rep-funnel-" + UUID.randomUUID(), "east");
        String customerId = customer(rep);
        LocalDate opened = today().minusDays(20);
        String id = open(rep, Funnel.opportunityBodyOpenedOn(customerId, opened));
        move(rep, id, Map.of("stage", "POTENTIAL", "occurredAt", startOf(opened.plusDays(5)).toString()))
                .statusCode(200);
        move(rep, id, Map.of("stage", "INTENT", "occurredAt", startOf(opened.plusDays(12)).toString()))
                .statusCode(200);
        move(rep, id, Map.of("stage", "POTENTIAL", "reason", "需求变化",
                "occurredAt", startOf(opened.plusDays(14)).plus(Duration.ofHours(12)).toString())).statusCode(200);

        var page = as(rep).get("/api/v1/opportunities/" + id + "/history").then().statusCode(200)
                .body("items.from", contains(null, "TARGET", "POTENTIAL", "INTENT"))
                .body("items.to", contains("TARGET", "POTENTIAL", "INTENT", "POTENTIAL"))
                .body("items.backward", contains(false, false, false, true))
                .body("items[3].reason", equalTo("需求变化"))
                .body("items[1].by", org.hamcrest.Matchers.startsWith("rep-funnel-"))
                .body("items[0].daysInStage", equalTo(5.0f))
                .body("items[1].daysInStage", equalTo(7.0f))
                .body("items[2].daysInStage", equalTo(2.5f))
                .body("stageDurations.TARGET", equalTo(5.0f))
                .body("stageDurations.INTENT", equalTo(2.5f))
                .body("next", nullValue())
                .extract();
        float stillInPotential = page.path("items[3].daysInStage");
        assertThat(stillInPotential).isGreaterThan(5.0f).isLessThan(6.5f);
        float potentialTotal = page.path("stageDurations.POTENTIAL");
        assertThat(potentialTotal).isCloseTo(7.0f + stillInPotential, org.assertj.core.data.Offset.offset(0.02f));

        String next = as(rep).queryParam("limit", 3).get("/api/v1/opportunities/" + id + "/history").then()
                .statusCode(200).body("items", hasSize(3)).extract().path("next");
        as(rep).queryParam("limit", 3).queryParam("cursor", next).get("/api/v1/opportunities/" + id + "/history")
                .then().statusCode(200).body("items.to", contains("POTENTIAL")).body("next", nullValue());
    }

    @Test
    void twoRacingMovesOfOneOpportunityMoveItOnce() throws Exception {
        String rep = newRep("east");
        String id = open(rep, customer(rep));

        List<Integer> statuses = Concurrently.run(2,
                () -> as(rep).body(Map.of("stage", "POTENTIAL")).post("/api/v1/opportunities/" + id + "/stage")
                        .statusCode());

        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).containsAnyOf(412, 422);
        as(rep).get("/api/v1/opportunities/" + id + "/history").then()
                .body("items.to", contains("TARGET", "POTENTIAL"));
    }

    @Test
    void missingEvidenceIsExplainedInChinese() {
        String rep = newRep("east");
        String id = open(rep, customer(rep));

        as(rep).header("Accept-Language", "zh-CN").body(Map.of("stage", "PROJECT"))
                .post("/api/v1/opportunities/" + id + "/stage").then().statusCode(422)
                .body("title", equalTo("缺少阶段依据"))
                .body("detail", org.hamcrest.Matchers.containsString("budget"));
    }

    @Test
    void historyOfAWonOpportunityEndsAtWon() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String id = open(rep, customerId);
        giveAllEvidence(rep, customerId, id);
        move(rep, id, Map.of("stage", "WON")).statusCode(200);

        as(rep).get("/api/v1/opportunities/" + id + "/history").then().statusCode(200)
                .body("items.to", contains("TARGET", "WON"))
                .body("items[1].daysInStage", nullValue())
                .body("items[0].daysInStage", notNullValue());
    }
}
