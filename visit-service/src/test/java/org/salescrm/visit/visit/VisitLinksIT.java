package org.salescrm.visit.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.salescrm.visit.Fixtures.REP_EAST_1;
import static org.salescrm.visit.Fixtures.customerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.events.customer.KeyPersonAdded;
import org.salescrm.visit.Fixtures;

/**
 * What a visit names must be true: key persons active at its customer, an open opportunity of
 * its customer, each known to visit-service through the real crm.customers and crm.opportunities topics.
 */
@QuarkusTest
class VisitLinksIT {

    @Inject
    Pool db;

    @BeforeAll
    static void connect() {
        Fixtures.kafka();
    }

    @Test
    void madeUpKeyPersonIsRefusedNamingTheFieldAndTheVisitIsNotStored() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        UUID real = Fixtures.keyPersonOf(db, customer);
        Map<String, Object> body = VisitApiIT.effectiveVisit(customer, real);
        body.put("keyPersonIds", List.of(real.toString(), UUID.randomUUID().toString()));

        VisitApiIT.log(REP_EAST_1, body).then().statusCode(422)
                .body("type", endsWith("/reference-not-replicated"))
                .body("errors.field", contains("keyPersonIds[1]"))
                .body("errors.rule", contains("known"));
        assertThat(Fixtures.count(db, "SELECT count(*) FROM visit WHERE customer_id = $1", customer)).isZero();
    }

    @Test
    void keyPersonAddedAMomentAgoIsNotKnownYetThenCountsOnceItArrives() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        UUID justAdded = UUID.randomUUID();
        Map<String, Object> body = VisitApiIT.effectiveVisit(customer, justAdded);

        // customer-service has created the key person, its event has not reached visit-service yet
        VisitApiIT.log(REP_EAST_1, body).then().statusCode(422)
                .body("type", endsWith("/reference-not-replicated"))
                .body("detail", containsString("retry"))
                .body("errors.field", contains("keyPersonIds[0]"));

        Fixtures.publish(new KeyPersonAdded(UUID.randomUUID(), justAdded, 0, "rep-east-1", "east", Instant.now(),
                customer, "李娜", "IT 经理", "信息部", "RECOMMENDER", "TECHNICAL_BUYER", "NEUTRAL", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count(db,
                "SELECT count(*) FROM key_person_replica WHERE key_person_id = $1", justAdded) == 1);

        VisitApiIT.log(REP_EAST_1, body).then().statusCode(201).body("effective", equalTo(true));
    }

    @Test
    void keyPersonOfAnotherCustomerOrOneWhoLeftCannotMakeAVisitEffective() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        UUID other = customerOf(db, "rep-east-1", "east");
        UUID elsewhere = Fixtures.keyPersonOf(db, other);
        UUID gone = Fixtures.keyPersonOf(db, customer);
        Fixtures.keyPersonLeft(db, gone, customer);
        Map<String, Object> body = VisitApiIT.effectiveVisit(customer, elsewhere);
        body.put("keyPersonIds", List.of(elsewhere.toString(), gone.toString()));

        VisitApiIT.log(REP_EAST_1, body).then().statusCode(422)
                .body("type", endsWith("/invalid-visit-reference"))
                .body("errors.field", contains("keyPersonIds[0]", "keyPersonIds[1]"))
                .body("errors.rule", contains("ofCustomer", "active"));
    }

    @Test
    void opportunityMustBeAnOpenOneOfTheVisitsCustomer() {
        UUID customer = customerOf(db, "rep-east-1", "east");
        UUID other = customerOf(db, "rep-east-1", "east");
        UUID otherDeal = Fixtures.opportunityOf(db, other, "rep-east-1", "east");
        UUID deal = Fixtures.opportunityOf(db, customer, "rep-east-1", "east");
        Map<String, Object> body = VisitApiIT.visit(customer);

        body.put("opportunityId", UUID.randomUUID().toString());
        VisitApiIT.log(REP_EAST_1, body).then().statusCode(422)
                .body("errors.field", contains("opportunityId")).body("errors.rule", contains("known"));

        body.put("opportunityId", otherDeal.toString());
        VisitApiIT.log(REP_EAST_1, body).then().statusCode(422)
                .body("type", endsWith("/invalid-visit-reference"))
                .body("errors.field", contains("opportunityId")).body("errors.rule", contains("ofCustomer"));

        Fixtures.opportunityMoved(db, deal, customer, 5, "NEGOTIATION", "WON");
        body.put("opportunityId", deal.toString());
        VisitApiIT.log(REP_EAST_1, body).then().statusCode(422)
                .body("errors.field", contains("opportunityId")).body("errors.rule", contains("open"));

        // moved back out of WON, it is open again
        Fixtures.opportunityMoved(db, deal, customer, 6, "WON", "NEGOTIATION");
        VisitApiIT.log(REP_EAST_1, body).then().statusCode(201).body("opportunityId", equalTo(deal.toString()));
    }
}
