package org.salescrm.customer.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.salescrm.customer.opportunity.Funnel.as;
import static org.salescrm.customer.opportunity.Funnel.customer;
import static org.salescrm.customer.opportunity.Funnel.keyPerson;
import static org.salescrm.customer.opportunity.Funnel.move;
import static org.salescrm.customer.opportunity.Funnel.newRep;
import static org.salescrm.customer.opportunity.Funnel.open;
import static org.salescrm.customer.opportunity.Funnel.patch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.VisitTraffic;
import org.salescrm.testsupport.TestTokens;

/** Stage playbooks: the defaults, items the records prove, ticks with notes, and items an admin makes gates. */
@QuarkusTest
class PlaybookIT {

    static final String ADMIN = TestTokens.admin("admin-" + UUID.randomUUID());

    /** Stages whose playbook a test changed, put back as they were so no other test meets its gates. */
    private final Map<String, List<Map<String, Object>>> changed = new java.util.HashMap<>();

    @AfterEach
    void putBackThePlaybooksChanged() {
        changed.forEach((stage, items) -> as(ADMIN).body(Map.of("items", items)).put("/api/v1/playbooks/" + stage)
                .then().statusCode(200));
    }

    @Test
    void eachStageHasTheDefaultPlaybookFromItsMarks() {
        JsonPath playbooks = as(newRep("east")).get("/api/v1/playbooks").then().statusCode(200).extract().jsonPath();

        assertKeys(playbooks, "TARGET");
        assertKeys(playbooks, "POTENTIAL", "first-visit", "need-noted");
        assertKeys(playbooks, "INTENT", "need-confirmed");
        assertKeys(playbooks, "PROJECT", "budget", "timeline", "person-in-charge", "buying-roles", "coach");
        assertKeys(playbooks, "ACKNOWLEDGED", "first-quote", "shortlisted");
        assertKeys(playbooks, "NEGOTIATION", "schedule-fixed", "formal-quote");
        assertKeys(playbooks, "WON", "contract-signed", "first-payment");
        org.hamcrest.MatcherAssert.assertThat(playbooks.getMap("stages.find { it.stage == 'PROJECT' }.items[4]"),
                equalTo(Map.of("key", "coach", "title", Map.of("zh-CN", "关键人中至少有一位教练",
                        "en", "At least one coach among the key persons"), "required", true, "gate", false, "proof", "DATA")));
    }

    @Test
    void itemsTheRecordsProveAreDoneWithoutATick() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String deal = open(rep, customerId);
        assertThat(item(rep, deal, "coach")).containsEntry("done", false);
        assertThat(item(rep, deal, "first-visit")).containsEntry("done", false);

        keyPerson(rep, customerId, Map.of("name", "内线小刘", "buyingRole", "COACH"));
        patch(rep, deal, Map.of("budget", 80000)).statusCode(200);
        VisitTraffic.publish(VisitTraffic.visit(customerId, "rep", Instant.now().minusSeconds(3600), true));

        assertThat(item(rep, deal, "coach")).containsEntry("done", true).containsEntry("doneBy", null)
                .containsEntry("proof", "DATA");
        assertThat(item(rep, deal, "budget")).containsEntry("done", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> (Boolean) item(rep, deal, "first-visit").get("done"));
        as(rep).get("/api/v1/opportunities/" + deal + "/playbook").then()
                .body("stages.find { it.stage == 'PROJECT' }.done", equalTo(2))
                .body("stages.find { it.stage == 'PROJECT' }.total", equalTo(5));
    }

    @Test
    void aQuoteProvesTheFirstQuoteAndAnAcceptedOneTheFormalQuote() {
        String rep = newRep("east");
        String deal = open(rep, customer(rep));
        assertThat(item(rep, deal, "first-quote")).containsEntry("done", false).containsEntry("proof", "DATA");
        assertThat(item(rep, deal, "formal-quote")).containsEntry("done", false).containsEntry("proof", "DATA");

        quote(rep, deal, false);
        assertThat(item(rep, deal, "first-quote")).containsEntry("done", true).containsEntry("doneBy", null);
        assertThat(item(rep, deal, "formal-quote")).containsEntry("done", false);

        quote(rep, deal, true);
        assertThat(item(rep, deal, "formal-quote")).containsEntry("done", true);
        as(rep).body(Map.of("note", "报价已发")).post(done(deal, "first-quote")).then().statusCode(422)
                .body("errors[0].field", equalTo("key")).body("errors[0].rule", equalTo("tickable"));
    }

    private static void quote(String token, String deal, boolean accepted) {
        as(token).body(Map.of("accepted", accepted, "lines", List.of(Map.of("productLine", "仓储WMS",
                        "quantity", 1, "unitPrice", 120000, "discount", 0))))
                .post("/api/v1/opportunities/" + deal + "/quotes").then().statusCode(201);
    }

    @Test
    void aHandItemIsTickedOnceWithItsNoteAndADataItemCannotBe() {
        String repId = "rep-" + UUID.randomUUID();
        String rep = TestTokens.rep(repId, "east");
        String deal = open(rep, customer(rep));

        as(rep).body(Map.of("note", "客户现用金蝶K3，库存不准")).post(done(deal, "need-noted")).then().statusCode(200)
                .body("stages.find { it.stage == 'POTENTIAL' }.items.find { it.key == 'need-noted' }.done", equalTo(true))
                .body("stages.find { it.stage == 'POTENTIAL' }.items.find { it.key == 'need-noted' }.note",
                        equalTo("客户现用金蝶K3，库存不准"));
        assertThat(item(rep, deal, "need-noted")).containsEntry("doneBy", repId).containsKey("doneAt")
                .extractingByKey("doneAt").isNotNull();

        as(rep).body(Map.of("note", "again")).post(done(deal, "need-noted")).then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("playbook-item-done"));
        as(rep).body(Map.of("note", "我拜访过了")).post(done(deal, "first-visit")).then().statusCode(422)
                .body("errors[0].field", equalTo("key")).body("errors[0].rule", equalTo("tickable"));
        as(rep).body(Map.of("note", "x")).post(done(deal, "no-such-item")).then().statusCode(404);
        as(rep).body(Map.of()).post(done(deal, "need-confirmed")).then().statusCode(422)
                .body("errors[0].field", equalTo("note"));
        as(newRep("east")).body(Map.of("note", "x")).post(done(deal, "need-confirmed")).then().statusCode(404);
        as(newRep("east")).get("/api/v1/opportunities/" + deal + "/playbook").then().statusCode(404);
        assertThat(item(rep, deal, "need-confirmed")).containsEntry("done", false);
    }

    @Test
    void aMoveIntoOrPastAStageWithGatingItemsNotDoneListsEveryMissingItem() {
        setGate("POTENTIAL", "need-noted");
        setGate("PROJECT", "coach");
        String rep = newRep("east");
        String customerId = customer(rep);
        String deal = open(rep, customerId);

        move(rep, deal, Map.of("stage", "PROJECT")).statusCode(422)
                .body("missingEvidence", contains("budget", "playbook.need-noted", "playbook.coach"))
                .body("errors.field", contains("budget", "playbook.need-noted", "playbook.coach"));
        move(rep, deal, Map.of("stage", "POTENTIAL")).statusCode(422)
                .body("missingEvidence", contains("playbook.need-noted"));

        as(rep).body(Map.of("note", "需求：仓库扫码出入库")).post(done(deal, "need-noted")).then().statusCode(200);
        move(rep, deal, Map.of("stage", "POTENTIAL")).statusCode(200);
        keyPerson(rep, customerId, Map.of("name", "内线小刘", "buyingRole", "COACH"));
        patch(rep, deal, Map.of("budget", 80000)).statusCode(200);
        move(rep, deal, Map.of("stage", "PROJECT")).statusCode(200).body("stage", equalTo("PROJECT"));
    }

    @Test
    void onlyAnAdminWritesAPlaybookAndItsItemsKeepTheirRules() {
        List<Map<String, Object>> intent = items("INTENT");
        as(TestTokens.manager("mgr-" + UUID.randomUUID(), "east")).body(Map.of("items", intent))
                .put("/api/v1/playbooks/INTENT").then().statusCode(403);

        as(ADMIN).body(Map.of("items", List.of(item("made-up", "DATA")))).put("/api/v1/playbooks/INTENT").then()
                .statusCode(422).body("errors[0].field", equalTo("items[0].proof"))
                .body("errors[0].rule", equalTo("provableKey"));
        as(ADMIN).body(Map.of("items", List.of(item("coach", "TICK")))).put("/api/v1/playbooks/INTENT").then()
                .statusCode(422).body("errors[0].field", equalTo("items[0].key"))
                .body("errors[0].rule", equalTo("uniqueAcrossStages"));
        as(ADMIN).body(Map.of("items", List.of(item("a", "TICK"), item("a", "TICK")))).put("/api/v1/playbooks/INTENT")
                .then().statusCode(422).body("errors[0].field", equalTo("items[1].key"));
        as(ADMIN).get("/api/v1/playbooks").then()
                .body("stages.find { it.stage == 'INTENT' }.items.key", contains("need-confirmed"));

        changed.put("INTENT", intent);
        List<Map<String, Object>> more = new java.util.ArrayList<>(intent);
        more.add(item("pain-quantified", "TICK"));
        as(ADMIN).body(Map.of("items", more)).put("/api/v1/playbooks/INTENT").then().statusCode(200)
                .body("stage", equalTo("INTENT")).body("items.key", contains("need-confirmed", "pain-quantified"));
        as(newRep("east")).get("/api/v1/playbooks").then()
                .body("stages.find { it.stage == 'INTENT' }.items.key", containsInAnyOrder("need-confirmed", "pain-quantified"));
    }

    private void setGate(String stage, String key) {
        List<Map<String, Object>> before = items(stage);
        changed.put(stage, before);
        List<Map<String, Object>> gated = before.stream().map(i -> {
            Map<String, Object> copy = new java.util.HashMap<>(i);
            copy.put("gate", key.equals(i.get("key")));
            return (Map<String, Object>) copy;
        }).toList();
        as(ADMIN).body(Map.of("items", gated)).put("/api/v1/playbooks/" + stage).then().statusCode(200);
    }

    static List<Map<String, Object>> items(String stage) {
        return as(ADMIN).get("/api/v1/playbooks").then().statusCode(200).extract().jsonPath()
                .getList("stages.find { it.stage == '" + stage + "' }.items");
    }

    private static Map<String, Object> item(String key, String proof) {
        return Map.of("key", key, "title", Map.of("zh-CN", "量化客户痛点", "en", "Pain quantified"), "required", false,
                "gate", false, "proof", proof);
    }

    /** One item of the opportunity's playbook as the client sees it. */
    private static Map<String, Object> item(String token, String deal, String key) {
        return as(token).get("/api/v1/opportunities/" + deal + "/playbook").then().statusCode(200).extract()
                .jsonPath().getMap("stages.collectMany { it.items }.find { it.key == '" + key + "' }");
    }

    private static String done(String deal, String key) {
        return "/api/v1/opportunities/" + deal + "/playbook/" + key + "/done";
    }

    private static void assertKeys(JsonPath playbooks, String stage, String... keys) {
        org.hamcrest.MatcherAssert.assertThat(playbooks.getList("stages.find { it.stage == '" + stage + "' }.items.key"),
                stage.equals("TARGET") ? hasSize(0) : contains(keys));
    }
}
