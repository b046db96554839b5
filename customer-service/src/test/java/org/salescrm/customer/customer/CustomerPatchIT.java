package org.salescrm.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.customer.customer.CustomerApiIT.as;
import static org.salescrm.customer.customer.CustomerApiIT.create;
import static org.salescrm.customer.customer.CustomerApiIT.uniqueName;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.PublishedEvents;
import org.salescrm.events.customer.CustomerUpdated;
import org.salescrm.testsupport.Concurrently;
import org.salescrm.testsupport.TestTokens;

/** Editing a customer: optimistic concurrency, what a client may set, duplicates, history and events. */
@QuarkusTest
class CustomerPatchIT {

    final String rep = "rep-" + UUID.randomUUID();
    final String repToken = TestTokens.rep(rep, "east");

    @BeforeAll
    static void listen() {
        PublishedEvents.start();
    }

    private static long version(String token, String id) {
        return ((Number) as(token).get("/api/v1/customers/" + id).then().statusCode(200)
                .extract().path("version")).longValue();
    }

    @Test
    void patchChangesOnlyTheFieldsSentRecordsEachInHistoryAndPublishesWhichChanged() {
        String id = create(repToken, Map.of("name", uniqueName("常州天宁机械"), "industry", "制造业", "grade", "C"));
        long v = version(repToken, id);

        as(repToken).header("If-Match", String.valueOf(v))
                .body(Map.of("grade", "A", "region", "华东", "industry", "制造业"))
                .patch("/api/v1/customers/" + id).then().statusCode(200)
                .body("grade", equalTo("A"))
                .body("region", equalTo("华东"))
                .body("industry", equalTo("制造业"))
                .body("version", equalTo((int) v + 1));

        as(repToken).get("/api/v1/customers/" + id + "/history").then().statusCode(200)
                .body("items.change", contains("CREATED", "UPDATED", "UPDATED"))
                .body("items[1].by", equalTo(rep))
                .body("items[1].details.field", equalTo("region"))
                .body("items[1].details.from", nullValue())
                .body("items[1].details.to", equalTo("华东"))
                .body("items[2].details.field", equalTo("grade"))
                .body("items[2].details.from", equalTo("C"))
                .body("items[2].details.to", equalTo("A"));
        CustomerUpdated updated = PublishedEvents.await(id, CustomerUpdated.class, 1).get(0);
        assertThat(updated.changedFields()).containsExactly("region", "grade");
        assertThat(updated.previousGrade()).isEqualTo("C");
        assertThat(updated.grade()).isEqualTo("A");
        assertThat(updated.aggregateVersion()).isEqualTo(v + 1);
        assertThat(updated.updatedBy()).isEqualTo(rep);
        assertThat(updated.ownerId()).isEqualTo(rep);
    }

    @Test
    void patchWithoutIfMatchIs428AndWithAStaleOneIs412() {
        String id = create(repToken, Map.of("name", uniqueName("扬州邗江")));
        long v = version(repToken, id);

        as(repToken).body(Map.of("grade", "B")).patch("/api/v1/customers/" + id).then()
                .statusCode(428).contentType("application/problem+json");
        as(repToken).header("If-Match", String.valueOf(v)).body(Map.of("grade", "B"))
                .patch("/api/v1/customers/" + id).then().statusCode(200);
        as(repToken).header("If-Match", String.valueOf(v)).body(Map.of("grade", "A"))
                .patch("/api/v1/customers/" + id).then()
                .statusCode(412).body("currentVersion", equalTo((int) v + 1));
        as(repToken).get("/api/v1/customers/" + id).then().body("grade", equalTo("B"));
    }

    @Test
    void twoEditsFromOneVersionLeaveOneWinner() throws Exception {
        String id = create(repToken, Map.of("name", uniqueName("并发编辑")));
        long v = version(repToken, id);

        List<Integer> statuses = Concurrently.run(2, () -> as(repToken).header("If-Match", String.valueOf(v))
                .body(Map.of("region", "region-" + UUID.randomUUID())).patch("/api/v1/customers/" + id).statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
    }

    @Test
    void aMergePatchClearsAnOptionalFieldWithNullAndRecordsIt() {
        String id = create(repToken, Map.of("name", uniqueName("扬州广陵"), "industry", "制造业"));
        long v = version(repToken, id);

        as(repToken).header("If-Match", String.valueOf(v)).contentType("application/merge-patch+json")
                .body("{\"industry\": null}")
                .patch("/api/v1/customers/" + id).then().statusCode(200)
                .body("industry", nullValue())
                .body("version", equalTo((int) v + 1));

        as(repToken).get("/api/v1/customers/" + id + "/history").then().statusCode(200)
                .body("items.change", contains("CREATED", "UPDATED"))
                .body("items[1].details.field", equalTo("industry"))
                .body("items[1].details.from", equalTo("制造业"))
                .body("items[1].details.to", nullValue());
    }

    @Test
    void unknownAndServerOwnedFieldsAreRefusedByName() {
        String id = create(repToken, Map.of("name", uniqueName("镇江丹徒")));
        long v = version(repToken, id);

        as(repToken).header("If-Match", String.valueOf(v)).body(Map.of("nickname", "老王"))
                .patch("/api/v1/customers/" + id).then().statusCode(400)
                .body("type", equalTo("https://salescrm.dev/problems/unknown-field"))
                .body("errors[0].field", equalTo("nickname"));
        for (String serverOwned : List.of("ownerId", "ownerTeam", "version", "createdAt", "updatedAt", "lastContactAt")) {
            as(repToken).header("If-Match", String.valueOf(v)).body(Map.of(serverOwned, "x"))
                    .patch("/api/v1/customers/" + id).then().statusCode(400)
                    .body("type", equalTo("https://salescrm.dev/problems/read-only-field"))
                    .body("errors[0].field", equalTo(serverOwned))
                    .body("errors[0].rule", equalTo("read-only"));
        }
        as(repToken).get("/api/v1/customers/" + id).then().body("ownerId", equalTo(rep)).body("version", equalTo((int) v));
    }

    @Test
    void brokenRulesAreNamedFieldByField() {
        String id = create(repToken, Map.of("name", uniqueName("泰州海陵")));
        long v = version(repToken, id);
        Map<String, Object> body = new HashMap<>();
        body.put("name", null);
        body.put("grade", "D");
        body.put("phone", "call me");
        body.put("creditCode", "123");
        body.put("address", "路".repeat(2001));

        as(repToken).header("If-Match", String.valueOf(v)).body(body).patch("/api/v1/customers/" + id).then()
                .statusCode(422)
                .body("errors.field", contains("address", "creditCode", "grade", "name", "phone"))
                .body("errors.rule", contains("Size", "Pattern", "Pattern", "NotNull", "Pattern"));
        as(repToken).header("If-Match", String.valueOf(v)).body(Map.of("grade", 1))
                .patch("/api/v1/customers/" + id).then().statusCode(400).body("errors[0].field", equalTo("grade"));
        as(repToken).header("If-Match", String.valueOf(v)).body("{\"grade\": ")
                .patch("/api/v1/customers/" + id).then().statusCode(400);
    }

    @Test
    void renamingOntoAnotherCustomerIsADuplicate() {
        String base = uniqueName("无锡梁溪");
        String existing = create(TestTokens.rep("rep-" + UUID.randomUUID(), "west"),
                Map.of("name", base + "有限公司", "phone", "0510-8123 4567"));
        String id = create(repToken, Map.of("name", uniqueName("南通崇川")));
        long v = version(repToken, id);

        as(repToken).header("If-Match", String.valueOf(v)).body(Map.of("name", base.toUpperCase() + " 股份有限公司"))
                .patch("/api/v1/customers/" + id).then().statusCode(409)
                .body("type", equalTo("https://salescrm.dev/problems/duplicate-customer"))
                .body("existingCustomerId", equalTo(existing));
        as(repToken).header("If-Match", String.valueOf(v)).body(Map.of("phone", "(0510) 81234567"))
                .patch("/api/v1/customers/" + id).then().statusCode(409)
                .body("existingCustomerId", equalTo(existing));
        as(repToken).get("/api/v1/customers/" + id).then().body("version", equalTo((int) v));
    }

    @Test
    void aRepCannotEditAnotherRepsCustomerNorAManagerAnotherTeams() {
        String id = create(repToken, Map.of("name", uniqueName("盐城亭湖")));
        long v = version(repToken, id);

        as(TestTokens.rep("rep-" + UUID.randomUUID(), "east")).header("If-Match", String.valueOf(v))
                .body(Map.of("grade", "A")).patch("/api/v1/customers/" + id).then().statusCode(404);
        as(TestTokens.manager("mgr-" + UUID.randomUUID(), "west")).header("If-Match", String.valueOf(v))
                .body(Map.of("grade", "A")).patch("/api/v1/customers/" + id).then().statusCode(404);
        as(TestTokens.manager("mgr-" + UUID.randomUUID(), "east")).header("If-Match", String.valueOf(v))
                .body(Map.of("grade", "A")).patch("/api/v1/customers/" + id).then().statusCode(200);
        as(TestTokens.rep("rep-" + UUID.randomUUID(), "east")).get("/api/v1/customers/" + id + "/history")
                .then().statusCode(404);
    }

    @Test
    void aPatchThatChangesNothingWritesNothing() {
        String id = create(repToken, Map.of("name", uniqueName("淮安清江浦"), "grade", "B"));
        long v = version(repToken, id);

        as(repToken).header("If-Match", String.valueOf(v)).body(Map.of("grade", "B"))
                .patch("/api/v1/customers/" + id).then().statusCode(200).body("version", equalTo((int) v));
        as(repToken).get("/api/v1/customers/" + id + "/history").then().body("items", hasSize(1));
    }
}
