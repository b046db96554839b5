package org.salescrm.customer.keyperson;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.customer.opportunity.Funnel.as;
import static org.salescrm.customer.opportunity.Funnel.customer;
import static org.salescrm.customer.opportunity.Funnel.keyPerson;
import static org.salescrm.customer.opportunity.Funnel.newManager;
import static org.salescrm.customer.opportunity.Funnel.newRep;
import static org.salescrm.customer.opportunity.Funnel.today;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.testsupport.TestTokens;

/** Key persons as a client sees them: the org chart, leaving, and who may see them. */
@QuarkusTest
class KeyPersonApiIT {

    @Test
    void recordedKeyPersonIsActiveAndListedWithTheCustomersOwner() {
        String rep = newRep("east");
        String customerId = customer(rep);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "张伟");
        body.put("title", "总经理");
        body.put("department", "总经办");
        body.put("phone", "+86 138-0000-0000");
        body.put("email", "zhang.wei@example.cn");
        body.put("kpType", "DECISION_MAKER");
        body.put("buyingRole", "ECONOMIC_BUYER");
        body.put("attitude", "SUPPORTER");

        String location = as(rep).body(body).post("/api/v1/customers/" + customerId + "/key-persons").then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("active", equalTo(true))
                .body("kpType", equalTo("DECISION_MAKER"))
                .body("customerId", equalTo(customerId))
                .body("ownerTeam", equalTo("east"))
                .body("version", equalTo(0))
                .extract().header("Location");
        as(rep).get(location).then().statusCode(200).body("name", equalTo("张伟"));
    }

    @Test
    void retriedAddWithTheSameIdempotencyKeyReturnsTheFirstKeyPerson() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String key = UUID.randomUUID().toString();

        String first = as(rep).header("Idempotency-Key", key).body(Map.of("name", "周总"))
                .post("/api/v1/customers/" + customerId + "/key-persons").then().statusCode(201).extract().path("id");
        as(rep).header("Idempotency-Key", key).body(Map.of("name", "周总"))
                .post("/api/v1/customers/" + customerId + "/key-persons").then().statusCode(200)
                .body("id", equalTo(first));
        as(rep).get("/api/v1/customers/" + customerId + "/key-persons").then().body("items", hasSize(1));
    }

    @Test
    void listIsPagedOldestFirst() {
        String rep = newRep("east");
        String customerId = customer(rep);
        keyPerson(rep, customerId, Map.of("name", "甲"));
        keyPerson(rep, customerId, Map.of("name", "乙"));
        keyPerson(rep, customerId, Map.of("name", "丙"));

        String next = as(rep).queryParam("limit", 2).get("/api/v1/customers/" + customerId + "/key-persons").then()
                .statusCode(200).body("items.name", contains("甲", "乙")).extract().path("next");
        as(rep).queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/v1/customers/" + customerId + "/key-persons").then()
                .statusCode(200).body("items.name", contains("丙")).body("next", nullValue());
    }

    @Test
    void badInputNamesEachFieldAndRule() {
        String rep = newRep("east");
        String customerId = customer(rep);

        as(rep).body(Map.of("title", "经理")).post("/api/v1/customers/" + customerId + "/key-persons").then()
                .statusCode(422).body("errors.field", contains("name")).body("errors.rule", contains("NotBlank"));
        as(rep).body(Map.of("name", "李", "kpType", "BOSS", "buyingRole", "PAYER", "attitude", "ANGRY",
                        "email", "not-an-email", "phone", "call me"))
                .post("/api/v1/customers/" + customerId + "/key-persons").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("kpType", "buyingRole", "attitude", "email", "phone"));
        as(rep).body(Map.of("name", "李", "active", false))
                .post("/api/v1/customers/" + customerId + "/key-persons").then().statusCode(400)
                .body("errors[0].field", equalTo("active"));
    }

    /** API.md: titles ≤ 200 characters, other texts (a department) ≤ 2,000. */
    @Test
    void departmentIsATextOfUpToTwoThousandCharacters() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String longest = "部".repeat(2000);

        as(rep).body(Map.of("name", "赵", "department", longest))
                .post("/api/v1/customers/" + customerId + "/key-persons").then().statusCode(201)
                .body("department", equalTo(longest));
        as(rep).body(Map.of("name", "钱", "department", longest + "部", "title", "总".repeat(201)))
                .post("/api/v1/customers/" + customerId + "/key-persons").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("department", "title"));
    }

    @Test
    void reportingLineStaysInsideTheCustomerAndNeverLoops() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String otherCustomersPerson = keyPerson(rep, customer(rep), Map.of("name", "外人"));
        String boss = keyPerson(rep, customerId, Map.of("name", "老板", "kpType", "DECISION_MAKER"));

        as(rep).body(Map.of("name", "下属", "reportsToId", otherCustomersPerson))
                .post("/api/v1/customers/" + customerId + "/key-persons").then().statusCode(422)
                .body("errors.field", contains("reportsToId")).body("errors.rule", contains("sameCustomer"));
        String report = keyPerson(rep, customerId, Map.of("name", "下属", "reportsToId", boss));

        as(rep).header("If-Match", "0").body(Map.of("reportsToId", report)).patch("/api/v1/key-persons/" + boss)
                .then().statusCode(422).body("errors.rule", contains("noCycle"));
        as(rep).header("If-Match", "0").body(Map.of("reportsToId", boss)).patch("/api/v1/key-persons/" + boss)
                .then().statusCode(422).body("errors.rule", contains("noCycle"));
    }

    @Test
    void leavingMarksTheKeyPersonInactiveOnce() {
        String rep = newRep("east");
        String customerId = customer(rep);
        String id = keyPerson(rep, customerId, Map.of("name", "赵工", "kpType", "RECOMMENDER"));

        as(rep).body(Map.of("leftOn", today().plusDays(1).toString())).post("/api/v1/key-persons/" + id + "/left")
                .then().statusCode(422).body("errors.field", contains("leftOn"))
                .body("errors.rule", contains("PastOrPresent"));
        as(rep).body(Map.of("leftOn", today().minusDays(3).toString())).post("/api/v1/key-persons/" + id + "/left")
                .then().statusCode(200).body("active", equalTo(false))
                .body("leftOn", equalTo(today().minusDays(3).toString()));
        as(rep).body(Map.of()).post("/api/v1/key-persons/" + id + "/left").then().statusCode(409)
                .body("type", equalTo("https://salescrm.dev/problems/key-person-left"));
        as(rep).get("/api/v1/customers/" + customerId + "/key-persons").then()
                .body("items.active", contains(false));
    }

    @Test
    void patchNeedsTheCurrentVersion() {
        String rep = newRep("east");
        String id = keyPerson(rep, customer(rep), Map.of("name", "钱总"));

        as(rep).body(Map.of("attitude", "NEUTRAL")).patch("/api/v1/key-persons/" + id).then().statusCode(428);
        as(rep).header("If-Match", "0").body(Map.of("attitude", "NEUTRAL", "kpType", "DECISION_MAKER"))
                .patch("/api/v1/key-persons/" + id).then().statusCode(200)
                .body("attitude", equalTo("NEUTRAL")).body("version", equalTo(1));
        as(rep).header("If-Match", "0").body(Map.of("attitude", "OPPONENT")).patch("/api/v1/key-persons/" + id)
                .then().statusCode(412);
        as(rep).header("If-Match", "1").body(Map.of("attitude", "HOSTILE")).patch("/api/v1/key-persons/" + id)
                .then().statusCode(422).body("errors.field", contains("attitude"));
    }

    @Test
    void aMergePatchClearsOptionalDetailsButNotTheNameNorWhatTheServerOwns() {
        String rep = newRep("east");
        String id = keyPerson(rep, customer(rep), Map.of("name", "周总", "title", "总经理", "attitude", "SUPPORTER"));

        as(rep).header("If-Match", "0").contentType("application/merge-patch+json")
                .body("{\"title\": null, \"attitude\": null}")
                .patch("/api/v1/key-persons/" + id).then().statusCode(200)
                .body("title", nullValue()).body("attitude", nullValue()).body("name", equalTo("周总"))
                .body("version", equalTo(1));
        as(rep).header("If-Match", "1").contentType("application/merge-patch+json").body("{\"name\": null}")
                .patch("/api/v1/key-persons/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("name")).body("errors[0].rule", equalTo("NotNull"));
        as(rep).header("If-Match", "1").body(Map.of("active", false))
                .patch("/api/v1/key-persons/" + id).then().statusCode(400)
                .body("type", equalTo("https://salescrm.dev/problems/read-only-field"))
                .body("errors[0].field", equalTo("active"));
        as(rep).get("/api/v1/key-persons/" + id).then().body("version", equalTo(1)).body("active", equalTo(true));
    }

    @Test
    void repCannotSeeOrChangeAnotherRepsKeyPerson() {
        String owner = newRep("east");
        String other = newRep("east");
        String customerId = customer(owner);
        String id = keyPerson(owner, customerId, Map.of("name", "孙经理"));

        as(other).get("/api/v1/key-persons/" + id).then().statusCode(404)
                .body("type", equalTo("https://salescrm.dev/problems/not-found"));
        as(other).get("/api/v1/customers/" + customerId + "/key-persons").then().statusCode(404);
        as(other).body(Map.of("name", "插足")).post("/api/v1/customers/" + customerId + "/key-persons").then()
                .statusCode(404);
        as(other).body(Map.of()).post("/api/v1/key-persons/" + id + "/left").then().statusCode(404);
        as(other).header("If-Match", "0").body(Map.of("title", "x")).patch("/api/v1/key-persons/" + id).then()
                .statusCode(404);
        as(owner).get("/api/v1/key-persons/" + id).then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void managerSeesTheTeamsKeyPersonsNotAnotherTeams() {
        String east = newRep("east");
        String west = newRep("west");
        String eastPerson = keyPerson(east, customer(east), Map.of("name", "东"));
        String westCustomer = customer(west);
        String westPerson = keyPerson(west, westCustomer, Map.of("name", "西"));
        String mgrEast = newManager("east");

        as(mgrEast).get("/api/v1/key-persons/" + eastPerson).then().statusCode(200);
        as(mgrEast).get("/api/v1/key-persons/" + westPerson).then().statusCode(404);
        as(mgrEast).get("/api/v1/customers/" + westCustomer + "/key-persons").then().statusCode(404);
        as(TestTokens.admin("admin-" + UUID.randomUUID())).get("/api/v1/customers/" + westCustomer + "/key-persons")
                .then().statusCode(200).body("items", hasSize(1));
    }
}
