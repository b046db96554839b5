package org.salescrm.analytics.alerts;

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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.analytics.support.TestClock;
import org.salescrm.events.customer.ContractSigned;
import org.salescrm.events.customer.ContractSigned.Instalment;
import org.salescrm.events.customer.PaymentReceived;
import org.salescrm.testsupport.TestTokens;

/**
 * Contracts and payments, as customer-service publishes them on crm.opportunities, become OVERDUE_RECEIVABLE
 * alerts for the contract's owner: raised for an instalment past due with money owed, the amount following each
 * payment, resolved when it is paid in full; an instalment falling due later is raised by the scan.
 */
@QuarkusTest
class OverdueReceivableIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    Db db;
    String team;
    String rep;
    UUID customer;
    UUID contract;
    UUID dueYesterday;
    UUID dueLater;
    Instant now;

    @BeforeEach
    void signed() {
        db = new Db(pool);
        team = "team-" + UUID.randomUUID();
        rep = "rep-" + UUID.randomUUID();
        customer = UUID.randomUUID();
        contract = UUID.randomUUID();
        dueYesterday = UUID.randomUUID();
        dueLater = UUID.randomUUID();
        now = Instant.now();
        LocalDate today = day(now);
        Events.publish(Fixtures.customer(customer, rep, team, "B", now.minus(Duration.ofDays(60))),
                new ContractSigned(UUID.randomUUID(), contract, 0, rep, team, now.minus(Duration.ofDays(10)), customer,
                        UUID.randomUUID(), "HT-2026-0117", today.minusDays(10), new BigDecimal("30000.00"), "CNY",
                        List.of(new Instalment(dueYesterday, today.minusDays(1), new BigDecimal("10000.00")),
                                new Instalment(dueLater, today.plusDays(30), new BigDecimal("20000.00")))));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anInstalmentPastDueIsTheOwnersAlertUntilPaidInFull() {
        await().atMost(WAIT).until(() -> alertStatus(dueYesterday) != null);
        JsonPath alerts = overdue(TestTokens.rep(rep, team));
        assertThat(alerts.getList("items.subjectId")).containsExactly(dueYesterday.toString());
        assertThat(alerts.getString("items[0].customerId")).isEqualTo(customer.toString());
        assertThat(alerts.getString("items[0].ownerId")).isEqualTo(rep);
        assertThat(alerts.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(alerts.getString("items[0].severity")).isEqualTo("LOW");
        assertThat(alerts.getList("items[0].reasons.code")).containsExactly("PAYMENT_OVERDUE", "AMOUNT_OUTSTANDING");
        assertThat(number(alerts, "items[0].reasons[0].value")).isEqualByComparingTo("1");
        assertThat(alerts.getString("items[0].reasons[0].message"))
                .isEqualTo("instalment of contract HT-2026-0117 due " + day(now).minusDays(1) + ": 1 day overdue");
        assertThat(number(alerts, "items[0].reasons[1].value")).isEqualByComparingTo("10000");
        assertThat(alerts.getString("items[0].reasons[1].message")).isEqualTo("10,000.00 CNY of 10,000.00 outstanding");
        // the team's manager sees it too, another rep does not
        assertThat(overdue(TestTokens.manager("boss-" + UUID.randomUUID(), team)).getList("items")).hasSize(1);
        assertThat(overdue(TestTokens.rep("rep-" + UUID.randomUUID(), team)).getList("items")).isEmpty();

        pay(1, dueYesterday, "4000.00", "6000.00", "26000.00");
        await().atMost(WAIT).until(() -> number(overdue(TestTokens.rep(rep, team)), "items[0].reasons[1].value")
                .compareTo(new BigDecimal("6000")) == 0);
        assertThat(alertStatus(dueYesterday)).as("part paid: still owed").isEqualTo("OPEN");
        assertThat(overdue(TestTokens.rep(rep, team)).getString("items[0].reasons[1].message"))
                .isEqualTo("6,000.00 CNY of 10,000.00 outstanding");

        pay(2, dueYesterday, "6000.00", "0.00", "20000.00");
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertStatus(dueYesterday)));
        assertThat(db.row("SELECT resolution FROM alert WHERE subject_id = $1", dueYesterday).getString("resolution"))
                .isEqualTo("CAUSES_CLEARED");
        JsonPath open = given().auth().oauth2(TestTokens.rep(rep, team)).queryParam("type", "OVERDUE_RECEIVABLE")
                .queryParam("customerId", customer.toString()).queryParam("status", "OPEN").get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath();
        assertThat(open.getList("items")).isEmpty();
    }

    @Test
    void theScanRaisesAnInstalmentOnTheDayAfterItFellDueAndGradesItByDaysOverdue() {
        await().atMost(WAIT).until(() -> alertStatus(dueYesterday) != null);
        assertThat(alertStatus(dueLater)).as("not due yet").isNull();
        // acknowledged, so that it is not escalated (which makes any alert HIGH) while the days run on
        String id = overdue(TestTokens.rep(rep, team)).getString("items[0].id");
        given().auth().oauth2(TestTokens.rep(rep, team)).contentType("application/json").body("{\"note\":\"财务在催\"}")
                .post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(200);

        clock.advance(Duration.ofDays(31));
        scan();
        assertThat(alertStatus(dueLater)).as("fell due yesterday, by the moved clock").isEqualTo("OPEN");
        JsonPath alerts = overdue(TestTokens.manager("boss-" + UUID.randomUUID(), team));
        assertThat(alerts.getList("items.subjectId")).containsExactlyInAnyOrder(dueYesterday.toString(),
                dueLater.toString());
        assertThat(db.row("SELECT severity FROM alert WHERE subject_id = $1", dueYesterday).getString("severity"))
                .as("32 days overdue").isEqualTo("MEDIUM");

        clock.advance(Duration.ofDays(30));
        scan();
        assertThat(db.row("SELECT severity FROM alert WHERE subject_id = $1", dueYesterday).getString("severity"))
                .as("62 days overdue").isEqualTo("HIGH");
        given().auth().oauth2(TestTokens.rep(rep, team)).queryParam("type", "OVERDUE_PAYMENT").get("/api/v1/alerts")
                .then().statusCode(400);
    }

    private void pay(long version, UUID instalment, String amount, String instalmentOutstanding,
                     String contractOutstanding) {
        LocalDate receivedOn = day(clock.instant());
        Events.publish(new PaymentReceived(UUID.randomUUID(), contract, version, rep, team,
                receivedOn.atStartOfDay(Fixtures.BUSINESS_ZONE).toInstant(), customer, null, UUID.randomUUID(),
                instalment, receivedOn, new BigDecimal(amount), "CNY", new BigDecimal(instalmentOutstanding),
                new BigDecimal(contractOutstanding)));
    }

    private static void scan() {
        given().auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID())).post("/api/v1/alerts/scan")
                .then().statusCode(200);
    }

    private JsonPath overdue(String token) {
        return given().auth().oauth2(token).queryParam("type", "OVERDUE_RECEIVABLE")
                .queryParam("customerId", customer.toString()).get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath();
    }

    private String alertStatus(UUID instalment) {
        var row = db.row("SELECT status FROM alert WHERE type = 'OVERDUE_RECEIVABLE' AND subject_id = $1", instalment);
        return row == null ? null : row.getString("status");
    }

    private static BigDecimal number(JsonPath json, String path) {
        Object value = json.get(path);
        return value == null ? BigDecimal.valueOf(-1) : new BigDecimal(value.toString());
    }
}
