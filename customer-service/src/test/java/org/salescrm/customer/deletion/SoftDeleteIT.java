package org.salescrm.customer.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.salescrm.customer.opportunity.Funnel.as;
import static org.salescrm.customer.opportunity.Funnel.customer;
import static org.salescrm.customer.opportunity.Funnel.keyPerson;
import static org.salescrm.customer.opportunity.Funnel.newManager;
import static org.salescrm.customer.opportunity.Funnel.newRep;
import static org.salescrm.customer.opportunity.Funnel.open;
import static org.salescrm.customer.opportunity.Funnel.opportunityBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.customer.PublishedEvents;
import org.salescrm.events.customer.CustomerDeleted;
import org.salescrm.events.customer.CustomerRestored;
import org.salescrm.events.customer.KeyPersonDeleted;
import org.salescrm.events.customer.KeyPersonRestored;
import org.salescrm.events.customer.OpportunityDeleted;
import org.salescrm.events.customer.OpportunityRestored;
import org.salescrm.testsupport.TestTokens;

/** Soft delete and restore of customers, key persons and opportunities, as a client and the broker see them. */
@QuarkusTest
class SoftDeleteIT {

    @Test
    void deletedCustomerAnswersAsMissingWithItsKeyPersonsAndOpportunitiesUntilRestored() {
        String rep = newRep("east");
        String name = "删除客户" + UUID.randomUUID();
        String id = as(rep).body(Map.of("name", name)).post("/api/v1/customers").then().statusCode(201)
                .extract().path("id");
        String person = keyPerson(rep, id, Map.of("name", "周工"));
        String deal = open(rep, id);

        as(rep).delete("/api/v1/customers/" + id).then().statusCode(204);

        assertAnswersAsMissing(as(rep).get("/api/v1/customers/" + id).then(), id, "/api/v1/customers/" + UUID.randomUUID());
        as(rep).queryParam("q", name).get("/api/v1/customers").then().statusCode(200).body("items", hasSize(0));
        as(rep).get("/api/v1/key-persons/" + person).then().statusCode(404);
        as(rep).get("/api/v1/customers/" + id + "/key-persons").then().statusCode(404);
        as(rep).get("/api/v1/opportunities/" + deal).then().statusCode(404);
        as(rep).queryParam("customerId", id).get("/api/v1/opportunities").then().statusCode(200)
                .body("items", hasSize(0));
        as(rep).delete("/api/v1/customers/" + id).then().statusCode(404);

        as(rep).post("/api/v1/customers/" + id + "/restore").then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo(name));

        as(rep).get("/api/v1/customers/" + id).then().statusCode(200);
        as(rep).get("/api/v1/key-persons/" + person).then().statusCode(200);
        as(rep).get("/api/v1/opportunities/" + deal).then().statusCode(200).body("stage", equalTo("TARGET"));
        as(rep).get("/api/v1/customers/" + id + "/history").then().statusCode(200)
                .body("items.change", hasItem("DELETED")).body("items.change", hasItem("RESTORED"));
        CustomerDeleted deleted = PublishedEvents.await(id, CustomerDeleted.class, 1).get(0);
        assertThat(deleted.aggregateId()).hasToString(id);
        assertThat(deleted.name()).isEqualTo(name);
        CustomerRestored restored = PublishedEvents.await(id, CustomerRestored.class, 1).get(0);
        assertThat(restored.aggregateVersion()).isGreaterThan(deleted.aggregateVersion());
    }

    @Test
    void aDeletedCustomerInARequestBodyAnswersAsAnUnknownOne() {
        String rep = newRep("east");
        String id = customer(rep);
        as(rep).delete("/api/v1/customers/" + id).then().statusCode(204);

        String deletedAnswer = as(rep).body(opportunityBody(id)).post("/api/v1/opportunities").then().statusCode(422)
                .extract().body().asString();
        String unknown = UUID.randomUUID().toString();
        String unknownAnswer = as(rep).body(opportunityBody(unknown)).post("/api/v1/opportunities").then()
                .statusCode(422).extract().body().asString();
        assertThat(deletedAnswer.replace(id, "{id}")).isEqualTo(unknownAnswer.replace(unknown, "{id}"));
        as(rep).body(Map.of("name", "王工")).post("/api/v1/customers/" + id + "/key-persons").then().statusCode(404);
    }

    @Test
    void aDeletedCustomersNameIsFreeAndRestoringItWhenTakenIsAConflict() {
        String rep = newRep("east");
        String name = "重名客户" + UUID.randomUUID();
        String first = as(rep).body(Map.of("name", name)).post("/api/v1/customers").then().statusCode(201)
                .extract().path("id");
        as(rep).delete("/api/v1/customers/" + first).then().statusCode(204);
        String second = as(rep).body(Map.of("name", name)).post("/api/v1/customers").then().statusCode(201)
                .extract().path("id");

        as(rep).post("/api/v1/customers/" + first + "/restore").then().statusCode(409)
                .body("existingCustomerId", equalTo(second));
        as(rep).get("/api/v1/customers/" + first).then().statusCode(404);
    }

    @Test
    void whoMayDeleteAndRestoreIsWhoMayChangeTheRecord() {
        String owner = TestTokens.rep("rep-del-" + UUID.randomUUID(), "east");
        String id = customer(owner);
        String otherRep = newRep("east");
        String westManager = newManager("west");

        as(otherRep).delete("/api/v1/customers/" + id).then().statusCode(404);
        as(westManager).delete("/api/v1/customers/" + id).then().statusCode(404);
        as(owner).get("/api/v1/customers/" + id).then().statusCode(200);

        as(newManager("east")).delete("/api/v1/customers/" + id).then().statusCode(204);
        // Out of reach while deleted too: a restore answers exactly as for an unknown id.
        as(otherRep).post("/api/v1/customers/" + id + "/restore").then().statusCode(404);
        as(westManager).post("/api/v1/customers/" + id + "/restore").then().statusCode(404);
        as(owner).post("/api/v1/customers/" + id + "/restore").then().statusCode(200);
        // Restoring what is not deleted changes nothing.
        int version = as(owner).get("/api/v1/customers/" + id).then().extract().path("version");
        as(owner).post("/api/v1/customers/" + id + "/restore").then().statusCode(200).body("version", equalTo(version));
    }

    @Test
    void aPoolCustomerIsDeletedByManagersOnly() {
        String rep = newRep("east");
        String id = customer(rep);
        as(rep).body(Map.of("reason", "不再跟进")).post("/api/v1/customers/" + id + "/release").then().statusCode(200);

        as(newRep("east")).delete("/api/v1/customers/" + id).then().statusCode(403);
        as(newManager("east")).delete("/api/v1/customers/" + id).then().statusCode(204);
        as(newRep("east")).queryParam("pool", "true").queryParam("limit", "200").get("/api/v1/customers").then()
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void deletedKeyPersonLeavesTheListAndCountsForNothingUntilRestored() {
        String rep = newRep("east");
        String id = customer(rep);
        String boss = keyPerson(rep, id, Map.of("name", "钱总", "kpType", "DECISION_MAKER"));

        as(rep).delete("/api/v1/key-persons/" + boss).then().statusCode(204);

        as(rep).get("/api/v1/key-persons/" + boss).then().statusCode(404);
        as(rep).get("/api/v1/customers/" + id + "/key-persons").then().body("items", hasSize(0));
        // As a reference it is unknown: nobody reports to a deleted key person.
        as(rep).body(Map.of("name", "孙工", "reportsToId", boss)).post("/api/v1/customers/" + id + "/key-persons")
                .then().statusCode(422).body("errors[0].field", equalTo("reportsToId"));
        as(newRep("east")).post("/api/v1/key-persons/" + boss + "/restore").then().statusCode(404);

        as(rep).post("/api/v1/key-persons/" + boss + "/restore").then().statusCode(200).body("name", equalTo("钱总"));
        as(rep).get("/api/v1/customers/" + id + "/key-persons").then().body("items", hasSize(1));
        KeyPersonDeleted deleted = PublishedEvents.await(id, KeyPersonDeleted.class, 1).get(0);
        assertThat(deleted.aggregateId()).hasToString(boss);
        assertThat(PublishedEvents.await(id, KeyPersonRestored.class, 1).get(0).aggregateVersion())
                .isGreaterThan(deleted.aggregateVersion());
    }

    @Test
    void deletedOpportunityLeavesTheFunnelUntilRestoredInTheStageItHad() {
        String rep = newRep("east");
        String id = customer(rep);
        String deal = open(rep, id);
        as(rep).body(Map.of("stage", "POTENTIAL")).post("/api/v1/opportunities/" + deal + "/stage").then()
                .statusCode(200);

        as(rep).delete("/api/v1/opportunities/" + deal).then().statusCode(204);

        as(rep).get("/api/v1/opportunities/" + deal).then().statusCode(404);
        as(rep).body(Map.of("stage", "INTENT")).post("/api/v1/opportunities/" + deal + "/stage").then().statusCode(404);
        as(rep).queryParam("customerId", id).get("/api/v1/opportunities").then().body("items", hasSize(0));
        as(newRep("west")).post("/api/v1/opportunities/" + deal + "/restore").then().statusCode(404);

        as(rep).post("/api/v1/opportunities/" + deal + "/restore").then().statusCode(200)
                .body("stage", equalTo("POTENTIAL")).body("status", equalTo("OPEN"));
        OpportunityDeleted deleted = PublishedEvents.await(id, OpportunityDeleted.class, 1).get(0);
        assertThat(deleted.stage()).isEqualTo("POTENTIAL");
        assertThat(PublishedEvents.await(id, OpportunityRestored.class, 1).get(0).aggregateVersion())
                .isGreaterThan(deleted.aggregateVersion());
    }

    @Test
    void anOpportunityDeletedOnItsOwnStaysDeletedWhenItsCustomerIsRestored() {
        String rep = newRep("east");
        String id = customer(rep);
        String kept = open(rep, id);
        String dropped = open(rep, id);
        as(rep).delete("/api/v1/opportunities/" + dropped).then().statusCode(204);
        as(rep).delete("/api/v1/customers/" + id).then().statusCode(204);
        // A child of a deleted customer cannot be restored on its own: it answers as missing.
        as(rep).post("/api/v1/opportunities/" + kept + "/restore").then().statusCode(404);

        as(rep).post("/api/v1/customers/" + id + "/restore").then().statusCode(200);

        as(rep).get("/api/v1/opportunities/" + kept).then().statusCode(200);
        as(rep).get("/api/v1/opportunities/" + dropped).then().statusCode(404);
    }

    private static void assertAnswersAsMissing(ValidatableResponse deleted, String id, String missingPath) {
        String missingId = missingPath.substring(missingPath.lastIndexOf('/') + 1);
        String answer = deleted.statusCode(404).extract().body().asString();
        String missing = as(newRep("east")).get(missingPath).then().statusCode(404).extract().body().asString();
        assertThat(answer.replace(id, "{id}")).isEqualTo(missing.replace(missingId, "{id}"));
    }
}
