package org.salescrm.visit.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.salescrm.visit.Fixtures.MGR_EAST;
import static org.salescrm.visit.Fixtures.REP_EAST_1;
import static org.salescrm.visit.Fixtures.REP_EAST_2;
import static org.salescrm.visit.Fixtures.as;
import static org.salescrm.visit.Fixtures.customerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.visit.Fixtures;

/** Corrections keep what a visit said before, and say so on crm.visits. */
@QuarkusTest
class VisitCorrectionIT {

    @Inject
    Pool db;

    @BeforeAll
    static void connect() {
        Fixtures.kafka();
    }

    @Test
    void correctionKeepsTheEarlierTextInHistoryRecomputesEffectiveAndIsPublished() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        Map<String, Object> body = VisitApiIT.effectiveVisit(db, customer);
        body.put("customerFeedback", "很满意");
        String id = VisitApiIT.log(REP_EAST_1, body).then().statusCode(201)
                .body("effective", equalTo(true)).extract().path("id");

        as(REP_EAST_1).header("If-Match", "0")
                .body(Map.of("summary", "更正：与财务总监讨论", "sentiment", "NEGATIVE", "customerFeedback", "不满意"))
                .patch("/api/v1/visits/" + id)
                .then().statusCode(200)
                .body("summary", equalTo("更正：与财务总监讨论"))
                .body("effective", equalTo(false))
                .body("version", equalTo(1));

        Response history = as(REP_EAST_1).get("/api/v1/visits/" + id + "/history");
        history.then().statusCode(200).body("items.size()", equalTo(3));
        List<Map<String, Object>> items = history.path("items");
        Map<String, Object> summary = items.stream().filter(i -> "summary".equals(i.get("field"))).findFirst()
                .orElseThrow();
        assertThat(summary.get("from")).isEqualTo(body.get("summary"));
        assertThat(summary.get("to")).isEqualTo("更正：与财务总监讨论");
        assertThat(summary.get("by")).isEqualTo("rep-east-1");
        assertThat(summary.get("at")).isNotNull();
        assertThat(items).extracting(i -> i.get("field"))
                .containsExactlyInAnyOrder("summary", "sentiment", "customerFeedback");
        assertThat(items.stream().filter(i -> "sentiment".equals(i.get("field"))).findFirst().orElseThrow())
                .containsEntry("from", "POSITIVE").containsEntry("to", "NEGATIVE");

        VisitCorrected corrected = Fixtures.awaitExactly(UUID.fromString(id), VisitCorrected.class, 1).get(0);
        assertThat(corrected.aggregateVersion()).isEqualTo(1);
        assertThat(corrected.effective()).isFalse();
        assertThat(corrected.sentiment()).isEqualTo("NEGATIVE");
        assertThat(corrected.changedFields()).containsExactlyInAnyOrder("summary", "sentiment", "customerFeedback");
        assertThat(corrected.correctedBy()).isEqualTo("rep-east-1");
        assertThat(Fixtures.count(db, "SELECT count(*) FROM visit WHERE id = $1", UUID.fromString(id))).isEqualTo(1);

        // the manager corrects it back; both corrections stay
        as(MGR_EAST).header("If-Match", "1").body(Map.of("sentiment", "POSITIVE"))
                .patch("/api/v1/visits/" + id).then().statusCode(200)
                .body("effective", equalTo(true)).body("version", equalTo(2));
        as(MGR_EAST).get("/api/v1/visits/" + id + "/history").then().statusCode(200)
                .body("items.size()", equalTo(4)).body("items.by", hasItem("mgr-east"));
    }

    @Test
    void correctionNeedsTheCurrentVersion() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        String id = VisitApiIT.log(REP_EAST_1, VisitApiIT.visit(customer)).then().statusCode(201).extract().path("id");

        as(REP_EAST_1).body(Map.of("needs", "培训")).patch("/api/v1/visits/" + id).then().statusCode(428);
        as(REP_EAST_1).header("If-Match", "7").body(Map.of("needs", "培训")).patch("/api/v1/visits/" + id)
                .then().statusCode(412);
        as(REP_EAST_1).header("If-Match", "0").body(Map.of("needs", "培训")).patch("/api/v1/visits/" + id)
                .then().statusCode(200).body("needs", equalTo("培训"));
        as(REP_EAST_1).get("/api/v1/visits/" + id + "/history").then().statusCode(200)
                .body("items.field", contains("needs"));
    }

    @Test
    void onlyCorrectableFieldsCanChangeAndEachIsChecked() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        String id = VisitApiIT.log(REP_EAST_1, VisitApiIT.visit(customer)).then().statusCode(201).extract().path("id");

        as(REP_EAST_1).header("If-Match", "0").body(Map.of("occurredAt", "2026-01-01T00:00:00Z"))
                .patch("/api/v1/visits/" + id).then().statusCode(400).body("errors.field", contains("occurredAt"));
        as(REP_EAST_1).header("If-Match", "0").body(Map.of("summary", " "))
                .patch("/api/v1/visits/" + id).then().statusCode(422).body("errors.field", contains("summary"));
        as(REP_EAST_1).header("If-Match", "0").body(Map.of("needs", "x".repeat(2001)))
                .patch("/api/v1/visits/" + id).then().statusCode(422).body("errors.field", contains("needs"));
        as(REP_EAST_2).header("If-Match", "0").body(Map.of("needs", "偷改"))
                .patch("/api/v1/visits/" + id).then().statusCode(404);
        as(REP_EAST_1).get("/api/v1/visits/" + id).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void aMergePatchClearsOptionalFieldsWithNullAndKeepsTheClearedTextInHistory() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        Map<String, Object> body = VisitApiIT.effectiveVisit(db, customer);
        body.put("customerFeedback", "很满意");
        String id = VisitApiIT.log(REP_EAST_1, body).then().statusCode(201).extract().path("id");

        as(REP_EAST_1).header("If-Match", "0").contentType("application/merge-patch+json")
                .body("{\"customerFeedback\": null, \"purposeAchieved\": null}")
                .patch("/api/v1/visits/" + id).then().statusCode(200)
                .body("customerFeedback", equalTo(null))
                .body("purposeAchieved", equalTo(null))
                .body("effective", equalTo(false))
                .body("version", equalTo(1));

        List<Map<String, Object>> items = as(REP_EAST_1).get("/api/v1/visits/" + id + "/history").path("items");
        assertThat(items).extracting(i -> i.get("field")).containsExactlyInAnyOrder("customerFeedback", "purposeAchieved");
        assertThat(items.stream().filter(i -> "customerFeedback".equals(i.get("field"))).findFirst().orElseThrow())
                .containsEntry("from", "很满意").containsEntry("to", null);
    }

    @Test
    void aRequiredFieldCannotBeClearedNorAServerOwnedOneSet() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        String id = VisitApiIT.log(REP_EAST_1, VisitApiIT.visit(customer)).then().statusCode(201).extract().path("id");

        as(REP_EAST_1).header("If-Match", "0").contentType("application/merge-patch+json")
                .body("{\"summary\": null}")
                .patch("/api/v1/visits/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("summary")).body("errors[0].rule", equalTo("NotNull"));
        as(REP_EAST_1).header("If-Match", "0").body(Map.of("effective", true))
                .patch("/api/v1/visits/" + id).then().statusCode(400)
                .body("type", equalTo("https://salescrm.dev/problems/read-only-field"))
                .body("errors[0].field", equalTo("effective"));
        as(REP_EAST_1).get("/api/v1/visits/" + id).then().statusCode(200).body("version", equalTo(0));
    }
}
