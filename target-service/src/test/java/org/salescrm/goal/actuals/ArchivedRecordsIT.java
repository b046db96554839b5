package org.salescrm.goal.actuals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.goal;
import static org.salescrm.goal.Api.number;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.unique;
import static org.salescrm.goal.Api.withTeam;
import static org.salescrm.goal.TestEvents.publish;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.CustomerDeleted;
import org.salescrm.events.customer.CustomerRestored;
import org.salescrm.events.customer.OpportunityDeleted;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityRestored;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.goal.TestEvents;
import org.salescrm.testsupport.TestTokens;

/**
 * Soft deletes from customer-service, through the real broker: an archived deal or customer leaves progress,
 * forecast, leaderboard and evaluations, and counts again once restored; a redelivered delete changes nothing.
 */
@QuarkusTest
class ArchivedRecordsIT {

    static final String ADMIN = TestTokens.admin("admin");
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String PERIOD = "2041-Q2";

    @Inject
    Pool db;

    @Test
    void archivedDealsAndCustomersCountNowhereUntilRestored() {
        String team = unique("team");
        String rep = unique("rep");
        String manager = TestTokens.manager(unique("mgr"), team);
        String revenueGoal = setGoal(ADMIN, withTeam(goal(PERIOD, "REVENUE", "REP", rep, 300_000, null), team));
        String newCustomersGoal = setGoal(ADMIN, withTeam(goal(PERIOD, "NEW_CUSTOMERS", "REP", rep, 5, null), team));
        LocalDate april = LocalDate.of(2041, 4, 10);
        CustomerCreated a = customer(rep, team, april);
        CustomerCreated b = customer(rep, team, april);
        OpportunityWon wonWithA = TestEvents.won(rep, team, a.aggregateId(), "100000", april.plusDays(5), null);
        OpportunityWon wonWithB = TestEvents.won(rep, team, b.aggregateId(), "50000", april.plusDays(6), null);
        OpportunityOpened openWithB = TestEvents.opened(rep, team, b.aggregateId(), "B 二期", "80000",
                LocalDate.of(2041, 6, 20), april);
        publish(a, b, wonWithA, wonWithB, openWithB);

        // won 100,000 + 50,000; best case adds the open 80,000; two new customers
        awaitCounted(revenueGoal, newCustomersGoal, rep, team, "150000", "2", "230000", 1);

        OpportunityDeleted dealDeleted = new OpportunityDeleted(UUID.randomUUID(), wonWithA.aggregateId(), 8, rep,
                team, Instant.now(), a.aggregateId(), "WON", "WON", rep);
        publish(dealDeleted);
        awaitCounted(revenueGoal, newCustomersGoal, rep, team, "50000", "2", "130000", 1);

        // the customer takes its won and its open deal, and its creation, with it
        publish(new CustomerDeleted(UUID.randomUUID(), b.aggregateId(), 1, rep, team, Instant.now(), "客户B", rep));
        awaitCounted(revenueGoal, newCustomersGoal, rep, team, "0", "1", "0", 0);
        as(ADMIN).get("/api/v1/leaderboards?period=" + PERIOD + "&metric=REVENUE&team=" + team).then()
                .statusCode(200).body("items.repId", contains(rep)).body("items[0].actual", number("0"));
        as(manager).body(Map.of("period", PERIOD)).post("/api/v1/evaluations/runs").then().statusCode(200);
        as(manager).get("/api/v1/evaluations?period=" + PERIOD + "&repId=" + rep).then().statusCode(200)
                .body("items[0].actualRevenue", number("0")).body("items[0].newCustomers", number("1"));

        // a redelivered delete, then the restores: everything counts as before
        publish(dealDeleted);
        publish(new CustomerRestored(UUID.randomUUID(), b.aggregateId(), 2, rep, team, Instant.now(), "客户B", "B",
                        rep),
                new OpportunityRestored(UUID.randomUUID(), wonWithA.aggregateId(), 9, rep, team, Instant.now(),
                        a.aggregateId(), "WON", "WON", new BigDecimal("100000"), "CNY", rep));
        awaitCounted(revenueGoal, newCustomersGoal, rep, team, "150000", "2", "230000", 1);

        // the same delete once more after its restore, then a marker behind it on the same partition
        publish(dealDeleted);
        publish(TestEvents.won(rep, team, a.aggregateId(), "1", april.plusDays(7), null));
        awaitCounted(revenueGoal, newCustomersGoal, rep, team, "150001", "2", "230001", 1);
        assertThat(db.preparedQuery("SELECT count(*) FROM processed_event WHERE event_id = $1")
                .execute(Tuple.of(dealDeleted.eventId())).await().indefinitely().iterator().next().getLong(0))
                .isEqualTo(1);
        as(manager).body(Map.of("period", PERIOD)).post("/api/v1/evaluations/runs").then().statusCode(200);
        as(manager).get("/api/v1/evaluations?period=" + PERIOD + "&repId=" + rep).then().statusCode(200)
                .body("items[0].actualRevenue", number("150001")).body("items[0].newCustomers", number("2"));
    }

    private static void awaitCounted(String revenueGoal, String newCustomersGoal, String rep, String team,
                                     String revenue, String newCustomers, String bestCase, int openDeals) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            as(ADMIN).get("/api/v1/goals/{id}/progress", revenueGoal).then().statusCode(200)
                    .body("actual", number(revenue));
            as(ADMIN).get("/api/v1/goals/{id}/progress", newCustomersGoal).then().statusCode(200)
                    .body("actual", number(newCustomers));
            var forecast = as(ADMIN).get("/api/v1/goals/{id}/forecast", revenueGoal).then().statusCode(200)
                    .body("won", number(revenue)).body("bestCase", number(bestCase));
            if (openDeals == 0) {
                forecast.body("deals", empty());
            } else {
                forecast.body("deals.name", contains("B 二期"));
            }
            as(ADMIN).get("/api/v1/leaderboards?period=" + PERIOD + "&metric=REVENUE&team=" + team).then()
                    .statusCode(200).body("items.repId", contains(rep)).body("items[0].actual", number(revenue));
        });
    }

    private static CustomerCreated customer(String rep, String team, LocalDate on) {
        return new CustomerCreated(UUID.randomUUID(), UUID.randomUUID(), 0, rep, team,
                on.atTime(10, 0).atZone(TestEvents.SHANGHAI).toInstant(), "客户" + UUID.randomUUID(), "B", "制造业",
                "华东", "中型", "展会", rep);
    }
}
