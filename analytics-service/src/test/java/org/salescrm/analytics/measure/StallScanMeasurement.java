package org.salescrm.analytics.measure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.TestClock;
import org.salescrm.testsupport.TestTokens;

/**
 * A measurement, not part of {@code verify}: inserts {@code measure.opportunities} (100,000) open opportunities by
 * SQL, none stalled yet, and times the alert scan: the first pass, the next one a minute later, and one after a
 * single opportunity's idle threshold passed (it must then be flagged). Run it alone:
 * {@code ./mvnw -B -ntp -pl analytics-service -am verify -Dit.test=StallScanMeasurement -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
class StallScanMeasurement {

    static final int OPPORTUNITIES = Integer.getInteger("measure.opportunities", 100_000);

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void scansManyOpenOpportunities() {
        Db db = new Db(pool);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String run = UUID.randomUUID().toString();
        int customers = OPPORTUNITIES / 10;
        long start = System.nanoTime();
        db.execute("""
                INSERT INTO customer_fact (customer_id, name, grade, owner_id, owner_team, created_at, aggregate_version)
                SELECT md5($1 || g)::uuid, 'measure ' || g, 'B', 'rep-measure-' || (g % 100), 'measure-' || (g % 10),
                       $2::timestamptz - interval '300 days', 0
                FROM generate_series(0, $3 - 1) g""", run, at(now), customers);
        // active within the last 6 days, in their stage as long, opened 60 days ago, closing in 90: none stalled
        db.execute("""
                INSERT INTO opportunity_fact (opportunity_id, customer_id, name, stage, status, stage_entered_at,
                    last_activity_at, amount, currency, product_line, expected_close_date, probability, owner_id,
                    owner_team, opened_at, aggregate_version)
                SELECT gen_random_uuid(), md5($1 || (g % $3))::uuid, 'measure ' || g,
                       (ARRAY['TARGET','POTENTIAL','INTENT','PROJECT','ACKNOWLEDGED','NEGOTIATION'])[1 + g % 6], 'OPEN',
                       $2::timestamptz - (g % 6) * interval '1 day' - (g % 1440) * interval '1 minute',
                       $2::timestamptz - (g % 6) * interval '1 day' - (g % 1440) * interval '1 minute',
                       1000, 'CNY', 'ERP', CAST($2::timestamptz + interval '90 days' AS date), 10,
                       'rep-measure-' || (g % 100), 'measure-' || (g % 10), $2::timestamptz - interval '60 days', 0
                FROM generate_series(1, $4) g""", run, at(now), customers, OPPORTUNITIES);
        // one NEGOTIATION deal (7 idle days allowed) whose eighth idle day is complete 30 s from now
        UUID probe = UUID.randomUUID();
        Instant lastActive = now.minus(Duration.ofDays(8)).plusSeconds(30);
        db.execute("""
                INSERT INTO opportunity_fact (opportunity_id, customer_id, name, stage, status, stage_entered_at,
                    last_activity_at, amount, currency, expected_close_date, probability, owner_id, owner_team,
                    opened_at, aggregate_version)
                VALUES ($1, md5($2 || 0)::uuid, 'probe', 'NEGOTIATION', 'OPEN', $3, $3, 1000, 'CNY',
                        CAST($3::timestamptz + interval '90 days' AS date), 80, 'rep-measure-0', 'measure-0', $3, 0)""",
                probe, run, at(lastActive));
        System.out.printf("%nSCAN MEASUREMENT: %d open opportunities of %d customers inserted in %.1f s%n",
                OPPORTUNITIES + 1, customers, seconds(start));

        clock.fixAt(now);
        Scan first = scan();
        clock.fixAt(now.plusSeconds(10));
        Scan second = scan();
        clock.fixAt(now.plusSeconds(60)); // the probe's threshold passed 30 s ago
        Scan third = scan();
        System.out.printf("SCAN MEASUREMENT: first scan %d customers in %.2f s; the next one %d in %.2f s;"
                        + " 30 s after a threshold passed %d in %.2f s%n%n", first.evaluated, first.seconds,
                second.evaluated, second.seconds, third.evaluated, third.seconds);
        assertThat(db.count("SELECT count(*) FROM alert WHERE subject_id = $1 AND status = 'OPEN'", probe))
                .as("the probe is flagged by the scan after its threshold").isEqualTo(1);
    }

    record Scan(int evaluated, double seconds) {
    }

    static Scan scan() {
        long start = System.nanoTime();
        // a first pass over every row takes longer than the tests' 30 s read timeout
        int evaluated = given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 1_800_000)))
                .auth().oauth2(TestTokens.admin("admin-measure")).post("/api/v1/alerts/scan")
                .then().statusCode(200).extract().path("evaluated");
        return new Scan(evaluated, seconds(start));
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
