package org.salescrm.analytics.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salescrm.analytics.support.Fixtures.day;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.analytics.support.TestClock;
import org.salescrm.events.customer.OpportunityDeleted;
import org.salescrm.testsupport.TestTokens;

/**
 * An event's batch stores when its subjects are next due on the scan, and the scan evaluates them then: a deal
 * is flagged by the first scan after its threshold passes, with no event in between; an archived one has no moment.
 */
@QuarkusTest
class NextCheckIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aDealIsFlaggedByTheFirstScanAfterItsIdleThresholdAndAnArchivedOneHasNoMoment() {
        Db db = new Db(pool);
        String rep = "rep-" + UUID.randomUUID();
        String team = "team-" + UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID deal = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant entered = now.minus(Duration.ofDays(5));
        LocalDate close = day(now).plusDays(60);
        // grade C and no deal won: the customer is not watched, so only an event changes what the rules find for it
        Events.publish(Fixtures.customer(customer, rep, team, "C", now.minus(Duration.ofDays(60))),
                Fixtures.opened(customer, deal, rep, team, now.minus(Duration.ofDays(40)), BigDecimal.TEN, close),
                Fixtures.moved(customer, deal, 1, rep, team, "TARGET", "NEGOTIATION", entered, BigDecimal.TEN, close));

        // NEGOTIATION allows 7 idle days: the eighth is complete 3 days from now, before its stage limit (30 days),
        // the sales cycle (180) and the day after its close date; the team has no median to dwell against
        Instant due = entered.plus(Duration.ofDays(8));
        await().atMost(WAIT).until(() -> due.equals(nextCheck(db, "opportunity_fact", "opportunity_id", deal)));
        assertThat(nextCheck(db, "customer_fact", "customer_id", customer)).as("not watched").isNull();

        clock.fixAt(due.minusSeconds(60));
        scan();
        assertThat(openAlerts(db, deal)).as("a minute before the threshold").isZero();
        clock.fixAt(due.plusSeconds(1));
        scan();
        assertThat(openAlerts(db, deal)).as("the first scan after it").isEqualTo(1);
        assertThat(db.row("SELECT reasons FROM alert WHERE subject_id = $1 AND status = 'OPEN'", deal)
                .getString("reasons")).contains("no activity for 8 days");
        assertThat(nextCheck(db, "opportunity_fact", "opportunity_id", deal)).as("due again when the days go up")
                .isEqualTo(entered.plus(Duration.ofDays(9)));

        clock.reset();
        Events.publish(new OpportunityDeleted(UUID.randomUUID(), deal, 2, rep, team, Instant.now(), customer,
                "NEGOTIATION", "OPEN", rep));
        await().atMost(WAIT).until(() -> db.row("SELECT 1 FROM alert WHERE subject_id = $1 AND status = 'RESOLVED' "
                + "AND resolution = 'SUBJECT_ARCHIVED'", deal) != null);
        assertThat(nextCheck(db, "opportunity_fact", "opportunity_id", deal)).as("archived: no moment").isNull();
    }

    private static Instant nextCheck(Db db, String table, String id, UUID subject) {
        var row = db.row("SELECT next_check_at FROM " + table + " WHERE " + id + " = $1", subject);
        return row == null || row.getOffsetDateTime("next_check_at") == null ? null
                : row.getOffsetDateTime("next_check_at").toInstant();
    }

    private static long openAlerts(Db db, UUID subject) {
        return db.count("SELECT count(*) FROM alert WHERE subject_id = $1 AND status = 'OPEN'", subject);
    }

    private static void scan() {
        given().auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID())).post("/api/v1/alerts/scan")
                .then().statusCode(200);
    }
}
