package org.salescrm.analytics.archive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salescrm.analytics.support.Fixtures.day;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.events.customer.CustomerDeleted;
import org.salescrm.events.customer.CustomerRestored;
import org.salescrm.events.customer.OpportunityDeleted;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityRestored;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.testsupport.TestTokens;

/**
 * Soft deletes from customer-service, through the real broker: an archived customer or opportunity leaves
 * every report and figure, its open alerts resolve as SUBJECT_ARCHIVED and no rule raises one while it is
 * archived; a restore brings it back into the figures and lets the rules run again. A redelivered delete
 * changes nothing.
 */
@QuarkusTest
class ArchivedRecordsIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    Db db;
    String team;
    String rep;
    String manager;
    UUID customer;
    Instant now;
    LocalDate today;

    @BeforeEach
    void fresh() {
        db = new Db(pool);
        team = "team-" + UUID.randomUUID();
        rep = "rep-" + UUID.randomUUID();
        manager = TestTokens.manager("boss-" + UUID.randomUUID(), team);
        customer = UUID.randomUUID();
        now = Instant.now();
        today = day(now);
    }

    @Test
    void archivedCustomerLeavesEveryReportAndItsAlertsUntilRestored() {
        UUID stalled = UUID.randomUUID();
        UUID deal = UUID.randomUUID();
        OpportunityOpened stalledOpened = stalledDeal(stalled);
        Events.publish(Fixtures.customer(customer, rep, team, "A", now.minus(Duration.ofDays(40))), stalledOpened,
                Fixtures.opened(customer, deal, rep, team, now.minus(Duration.ofDays(20)), new BigDecimal("50000"),
                        today.plusDays(30)));
        Events.publish(Fixtures.won(customer, deal, 6, rep, team, now, new BigDecimal("50000"), today.minusDays(20)),
                Fixtures.visit(customer, null, rep, team, now.minus(Duration.ofHours(2)), "POSITIVE", true));
        // visits 1 (effective 1), a new customer 40 days ago, one deal won for 50,000; the idle deal alerts
        awaitActivity(1, 1, 1, 1, "50000");
        String alert = awaitOpenAlert(stalled);

        CustomerDeleted deleted = new CustomerDeleted(UUID.randomUUID(), customer, 1, rep, team, now, "客户", rep);
        Events.publish(deleted);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath resolved = alert(alert);
            assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
            assertThat(resolved.getString("resolution")).isEqualTo("SUBJECT_ARCHIVED");
        });
        awaitActivity(0, 0, 0, 0, "0");
        assertGone();

        // While archived: a late visit is kept but not counted, and an edit of the idle deal raises nothing.
        Events.publish(Fixtures.visit(customer, null, rep, team, now.minus(Duration.ofHours(1)), "NEUTRAL", false),
                Fixtures.edited(customer, stalled, 1, rep, team, "TARGET", now, new BigDecimal("9000"),
                        today.minusDays(5)));
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM opportunity_fact WHERE opportunity_id = $1"
                + " AND aggregate_version = 1", stalled) == 1);
        assertThat(openAlerts()).isZero();
        awaitActivity(0, 0, 0, 0, "0");

        // The delete again, the restore, and the delete once more behind it: restored once and for all.
        Events.publish(deleted, new CustomerRestored(UUID.randomUUID(), customer, 2, rep, team, now, "客户", "A", rep),
                deleted);
        // a marker behind them on the same partition: once it is applied, they have all been seen
        Events.publish(Fixtures.regraded(customer, 3, rep, team, "A", now));
        await().atMost(WAIT).until(() -> db.count("SELECT aggregate_version FROM customer_fact WHERE customer_id = $1",
                customer) == 3);
        assertThat(db.count("SELECT count(*) FROM processed_event WHERE event_id = $1 AND consumer = $2",
                deleted.eventId(), "analytics.customers")).isEqualTo(1);
        // both visits now, the one logged while archived too
        awaitActivity(2, 1, 1, 1, "50000");
        String raisedAgain = awaitOpenAlert(stalled);
        assertThat(raisedAgain).isNotEqualTo(alert);
        JsonPath pipeline = report("pipeline", Map.of());
        assertThat(pipeline.getInt("stages.find { it.stage == 'TARGET' }.count")).isEqualTo(1);
    }

    @Test
    void archivedOpportunityLeavesTheFiguresAndResolvesItsAlertUntilRestored() {
        UUID stalled = UUID.randomUUID();
        UUID deal = UUID.randomUUID();
        Events.publish(Fixtures.customer(customer, rep, team, "B", now.minus(Duration.ofDays(40))), stalledDeal(stalled),
                Fixtures.opened(customer, deal, rep, team, now.minus(Duration.ofDays(20)), new BigDecimal("80000"),
                        today.plusDays(30)));
        OpportunityWon won = Fixtures.won(customer, deal, 6, rep, team, now, new BigDecimal("80000"),
                today.minusDays(20));
        Events.publish(won);
        awaitActivity(0, 0, 1, 1, "80000");
        String alert = awaitOpenAlert(stalled);

        OpportunityDeleted wonDeleted = new OpportunityDeleted(UUID.randomUUID(), deal, 7, rep, team, now, customer,
                "WON", "WON", rep);
        Events.publish(wonDeleted, new OpportunityDeleted(UUID.randomUUID(), stalled, 1, rep, team, now, customer,
                "TARGET", "OPEN", rep));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(alert(alert).getString("resolution")).isEqualTo("SUBJECT_ARCHIVED"));
        // the customer stays: its creation still counts, neither deal does
        awaitActivity(0, 0, 1, 0, "0");
        assertThat(report("funnel", Map.of()).getInt("won")).isZero();
        assertThat(figure("winRate")).isNull();

        Events.publish(wonDeleted, new OpportunityRestored(UUID.randomUUID(), deal, 8, rep, team, now, customer, "WON",
                        "WON", new BigDecimal("80000"), "CNY", rep),
                new OpportunityRestored(UUID.randomUUID(), stalled, 2, rep, team, now, customer, "TARGET", "OPEN",
                        new BigDecimal("9000"), "CNY", rep));
        awaitActivity(0, 0, 1, 1, "80000");
        assertThat(awaitOpenAlert(stalled)).isNotEqualTo(alert);
        assertThat(report("funnel", Map.of()).getInt("won")).isEqualTo(1);
        assertThat(new BigDecimal(figure("winRate").toString())).isEqualByComparingTo("1");
    }

    /** Opened 40 days ago and idle since, its close date past: IDLE and PAST_CLOSE_DATE. */
    private OpportunityOpened stalledDeal(UUID id) {
        return Fixtures.opened(customer, id, rep, team, now.minus(Duration.ofDays(40)), new BigDecimal("9000"),
                today.minusDays(5));
    }

    private void assertGone() {
        JsonPath pipeline = report("pipeline", Map.of());
        assertThat(pipeline.getInt("stages.find { it.stage == 'TARGET' }.count")).isZero();
        assertThat(report("funnel", Map.of()).getInt("won")).isZero();
        JsonPath figures = given().auth().oauth2(manager).queryParam("team", team)
                .queryParam("period", today.toString().substring(0, 7)).get("/api/v1/reports/figures").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = figures.getList("items");
        assertThat(items).allSatisfy(item -> {
            assertThat(((Number) item.get("visits")).longValue()).isZero();
            assertThat(((Number) item.get("effectiveCustomers")).longValue()).isZero();
            assertThat(item.get("winRate")).isNull();
        });
        assertThat(openAlerts()).isZero();
    }

    private void awaitActivity(int visits, int effective, int newCustomers, int won, String wonAmount) {
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> items = report("activity", Map.of("from", today.minusDays(60).toString(),
                    "to", today.toString())).getList("items");
            Map<String, Object> mine = items.stream().filter(i -> rep.equals(i.get("ownerId"))).findFirst()
                    .orElse(Map.of("visits", 0, "effectiveVisits", 0, "newCustomers", 0, "wonDeals", 0,
                            "wonAmount", 0));
            assertThat(((Number) mine.get("visits")).intValue()).isEqualTo(visits);
            assertThat(((Number) mine.get("effectiveVisits")).intValue()).isEqualTo(effective);
            assertThat(((Number) mine.get("newCustomers")).intValue()).isEqualTo(newCustomers);
            assertThat(((Number) mine.get("wonDeals")).intValue()).isEqualTo(won);
            assertThat(new BigDecimal(mine.get("wonAmount").toString())).isEqualByComparingTo(wonAmount);
        });
    }

    private Object figure(String name) {
        JsonPath figures = given().auth().oauth2(manager).queryParam("team", team)
                .queryParam("period", today.toString().substring(0, 7)).get("/api/v1/reports/figures").then()
                .statusCode(200).extract().jsonPath();
        return figures.get("items.find { it.ownerId == '" + rep + "' }." + name);
    }

    private JsonPath report(String name, Map<String, String> query) {
        return given().auth().oauth2(manager).queryParam("team", team).queryParams(query)
                .get("/api/v1/reports/" + name).then().statusCode(200).extract().jsonPath();
    }

    private String awaitOpenAlert(UUID subject) {
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM alert WHERE subject_id = $1"
                + " AND status <> 'RESOLVED'", subject) == 1);
        return db.row("SELECT id FROM alert WHERE subject_id = $1 AND status <> 'RESOLVED'", subject)
                .getUUID(0).toString();
    }

    private long openAlerts() {
        return db.count("SELECT count(*) FROM alert WHERE customer_id = $1 AND status <> 'RESOLVED'", customer);
    }

    private JsonPath alert(String id) {
        return given().auth().oauth2(manager).get("/api/v1/alerts/" + id).then().statusCode(200).extract()
                .jsonPath();
    }
}
