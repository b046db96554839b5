package org.salescrm.analytics.followups;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.events.visit.FollowUpCreated;
import org.salescrm.events.visit.FollowUpReassigned;
import org.salescrm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** A follow-up that moved with its customer counts for its new owner, through the real broker. */
@QuarkusTest
class FollowUpReassignedIT {

    @Test
    void anOverdueFollowUpMovedToAnotherRepCountsAsTheirs() {
        String team = "team-" + UUID.randomUUID();
        String from = "rep-" + UUID.randomUUID();
        String to = "rep-" + UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        Instant now = Instant.now();
        LocalDate dueOn = Fixtures.day(now).minusDays(5);
        FollowUpCreated created = Fixtures.followUp(customer, UUID.randomUUID(), from, team,
                now.minus(Duration.ofDays(10)), dueOn);
        Events.publish(Fixtures.customer(customer, from, team, "B", now.minus(Duration.ofDays(20))), created,
                new FollowUpReassigned(UUID.randomUUID(), created.aggregateId(), 1, to, team, now, customer, null, to,
                        from, from, "TRANSFERRED", created.action(), dueOn));

        String manager = TestTokens.manager("boss-" + UUID.randomUUID(), team);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath activity = given().auth().oauth2(manager).queryParam("team", team)
                    .queryParam("from", dueOn.minusDays(1).toString()).queryParam("to", Fixtures.day(now).toString())
                    .get("/api/v1/reports/activity").then().statusCode(200).extract().jsonPath();
            // no row for the new owner yet reads as null: an assertion that fails (and is retried), not an exception
            assertThat((Object) activity.get("items.find { it.ownerId == '" + to + "' }.overdueFollowUps"))
                    .isEqualTo(1);
            assertThat(activity.getList("items.findAll { it.ownerId == '" + from + "' && it.overdueFollowUps > 0 }"))
                    .isEmpty();
        });
    }
}
