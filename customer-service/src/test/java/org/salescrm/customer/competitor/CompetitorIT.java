package org.salescrm.customer.competitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.salescrm.customer.opportunity.Funnel.as;
import static org.salescrm.customer.opportunity.Funnel.customer;
import static org.salescrm.customer.opportunity.Funnel.giveAllEvidence;
import static org.salescrm.customer.opportunity.Funnel.move;
import static org.salescrm.customer.opportunity.Funnel.newRep;
import static org.salescrm.customer.opportunity.Funnel.open;
import static org.salescrm.customer.opportunity.Funnel.today;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.PublishedEvents;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.testsupport.TestTokens;

/** Competitors on a deal, the one a deal was lost to, and wins and losses by competitor. */
@QuarkusTest
class CompetitorIT {

    @Test
    void aRepRecordsTheCompetitorsOfTheirDealOnceEach() {
        String rep = newRep("east");
        String deal = open(rep, customer(rep));
        String path = "/api/v1/opportunities/" + deal + "/competitors";

        String yonyou = as(rep).body(Map.of("name", "用友", "strengths", "本地服务网点多", "weaknesses", "实施周期长",
                "pricePosition", "LOWER")).post(path).then().statusCode(201).header("Location", notNullValue())
                .body("name", equalTo("用友")).body("pricePosition", equalTo("LOWER")).extract().path("id");
        as(rep).body(Map.of("name", "SAP")).post(path).then().statusCode(201);
        as(rep).body(Map.of("name", " 用友 ")).post(path).then().statusCode(409)
                .body("existingCompetitorId", equalTo(yonyou));
        as(rep).body(Map.of("name", "金蝶", "pricePosition", "CHEAPER")).post(path).then().statusCode(422)
                .body("errors[0].field", equalTo("pricePosition"));

        as(rep).get(path).then().statusCode(200).body("items.name", contains("用友", "SAP"));
        as(rep).delete(path + "/" + yonyou).then().statusCode(204);
        as(rep).delete(path + "/" + yonyou).then().statusCode(404);
        as(rep).get(path).then().body("items.name", contains("SAP"));
    }

    @Test
    void anotherRepsDealsCompetitorsAnswerAsMissing() {
        String rep = newRep("east");
        String deal = open(rep, customer(rep));
        String path = "/api/v1/opportunities/" + deal + "/competitors";
        String id = as(rep).body(Map.of("name", "用友")).post(path).then().statusCode(201).extract().path("id");
        String outsider = newRep("east");

        as(outsider).get(path).then().statusCode(404);
        as(outsider).body(Map.of("name", "金蝶")).post(path).then().statusCode(404);
        as(outsider).delete(path + "/" + id).then().statusCode(404);
        as(rep).get(path).then().body("items", hasSize(1));
    }

    @Test
    void aLostDealNamesTheCompetitorItWentToInTheRecordAndTheEvent() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String deal = open(rep, customerId);

        as(rep).body(Map.of("reason", "价格高于竞品约15%", "competitor", "  金蝶  云星空 ")).post("/api/v1/opportunities/" + deal + "/lose")
                .then().statusCode(200).body("status", equalTo("LOST")).body("lostTo", equalTo("金蝶 云星空"));

        OpportunityLost lost = PublishedEvents.await(customerId, OpportunityLost.class, 1).get(0);
        assertThat(lost.competitor()).isEqualTo("金蝶 云星空");
    }

    @Test
    void winsAndLossesByCompetitorCountTheDealsInTheCallersScope() {
        String team = "cmp-" + UUID.randomUUID().toString().substring(0, 8);
        String repId = "rep-" + UUID.randomUUID();
        String rep = TestTokens.rep(repId, team);
        String manager = TestTokens.manager("mgr-" + UUID.randomUUID(), team);
        // Won against 用友; lost to 金蝶 with 用友 also in the race; lost to 用友, named only when lost.
        String won = deal(rep, "用友");
        giveAllEvidence(rep, as(rep).get("/api/v1/opportunities/" + won).then().extract().path("customerId"), won);
        move(rep, won, Map.of("stage", "WON")).statusCode(200);
        String lostToKingdee = deal(rep, "用友", "金蝶");
        lose(rep, lostToKingdee, "金蝶");
        lose(rep, deal(rep), "用友");
        // Another rep's deal of the same team: the manager counts it, the rep does not.
        String otherRep = TestTokens.rep("rep-" + UUID.randomUUID(), team);
        lose(otherRep, deal(otherRep), "SAP");

        as(manager).queryParam("team", team).get("/api/v1/reports/competitors").then().statusCode(200)
                .body("items.competitor", contains("用友", "SAP", "金蝶"))
                .body("items[0].won", equalTo(1)).body("items[0].lost", equalTo(1))
                .body("items[0].winRate", equalTo(0.5f))
                .body("items[0].wonAmount", equalTo(120000.0f)).body("items[0].lostAmount", equalTo(120000.0f))
                .body("items[2].won", equalTo(0)).body("items[2].lost", equalTo(1)).body("items[2].winRate", equalTo(0f));
        as(rep).get("/api/v1/reports/competitors").then().statusCode(200)
                .body("items.competitor", contains("用友", "金蝶"));
        as(manager).queryParam("team", team).queryParam("ownerId", repId).get("/api/v1/reports/competitors").then()
                .body("items.competitor", contains("用友", "金蝶"));
        as(manager).queryParam("team", team).queryParam("to", today().minusDays(1).toString())
                .get("/api/v1/reports/competitors").then().statusCode(200).body("items", hasSize(0));
        as(manager).queryParam("from", today().toString()).queryParam("to", today().minusDays(1).toString())
                .get("/api/v1/reports/competitors").then().statusCode(422).body("errors[0].field", equalTo("from"));
        // A deleted deal leaves the report.
        as(rep).delete("/api/v1/opportunities/" + lostToKingdee).then().statusCode(204);
        as(rep).get("/api/v1/reports/competitors").then().body("items.competitor", contains("用友"))
                .body("items[0].won", equalTo(1)).body("items[0].lost", equalTo(1));
    }

    private static String deal(String rep, String... competitors) {
        String deal = open(rep, customer(rep));
        for (String name : competitors) {
            as(rep).body(Map.of("name", name)).post("/api/v1/opportunities/" + deal + "/competitors").then()
                    .statusCode(201);
        }
        return deal;
    }

    private static void lose(String rep, String deal, String competitor) {
        as(rep).body(Map.of("reason", "输给" + competitor, "competitor", competitor))
                .post("/api/v1/opportunities/" + deal + "/lose").then().statusCode(200);
    }
}
