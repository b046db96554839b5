package org.salescrm.analytics.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salescrm.analytics.support.Fixtures.day;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.events.Topics;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.visit.FollowUpCreated;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;

/** The four topics from the real broker into the real database: what each fact holds, in business time. */
@QuarkusTest
class MaterialisedStateIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    Db db;
    String rep;
    UUID customer;
    UUID opportunity;
    Instant now;

    @BeforeEach
    void fresh() {
        db = new Db(pool);
        rep = "rep-" + UUID.randomUUID();
        customer = UUID.randomUUID();
        opportunity = UUID.randomUUID();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void opportunityCarriesItsStageEntryActivityAndTransitions() {
        Instant opened = now.minus(Duration.ofDays(20));
        Instant movedAt = now.minus(Duration.ofDays(12));
        Instant visitedAt = now.minus(Duration.ofDays(5));
        LocalDate close = day(now).plusDays(30);
        Events.publish(Fixtures.customer(customer, rep, "east", "A", opened.minus(Duration.ofDays(1))));
        Events.publish(Fixtures.opened(customer, opportunity, rep, "east", opened, new BigDecimal("100000"), close),
                Fixtures.moved(customer, opportunity, 1, rep, "east", "TARGET", "POTENTIAL", movedAt,
                        new BigDecimal("120000"), close),
                // editing a field is not activity and does not move the stage entry
                Fixtures.edited(customer, opportunity, 2, rep, "east", "POTENTIAL", now.minus(Duration.ofDays(1)),
                        new BigDecimal("150000"), close));
        Events.publish(Fixtures.visit(customer, null, rep, "east", visitedAt, "POSITIVE", true));

        await().atMost(WAIT).until(() -> visitedAt.equals(lastActivity(opportunity)) && db.count(
                "SELECT aggregate_version FROM opportunity_fact WHERE opportunity_id = $1", opportunity) == 2);
        Row o = db.row("SELECT * FROM opportunity_fact WHERE opportunity_id = $1", opportunity);
        assertThat(o.getString("stage")).isEqualTo("POTENTIAL");
        assertThat(o.getString("status")).isEqualTo("OPEN");
        assertThat(o.getOffsetDateTime("stage_entered_at").toInstant()).isEqualTo(movedAt);
        assertThat(o.getBigDecimal("amount")).isEqualByComparingTo("150000");
        assertThat(o.getInteger("probability")).isEqualTo(10);
        assertThat(o.getLong("aggregate_version")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM stage_transition WHERE opportunity_id = $1", opportunity)).isEqualTo(2);
        Row c = db.row("SELECT * FROM customer_fact WHERE customer_id = $1", customer);
        assertThat(c.getOffsetDateTime("last_visit_at").toInstant()).isEqualTo(visitedAt);
    }

    @Test
    void olderOpportunityEventNeverOverwritesNewerState() {
        LocalDate close = day(now).plusDays(30);
        OpportunityOpened open = Fixtures.opened(customer, opportunity, rep, "east", now.minus(Duration.ofDays(9)),
                BigDecimal.TEN, close);
        OpportunityStageChanged second = Fixtures.moved(customer, opportunity, 2, rep, "east", "POTENTIAL", "INTENT",
                now.minus(Duration.ofDays(3)), BigDecimal.TEN, close);
        OpportunityStageChanged first = Fixtures.moved(customer, opportunity, 1, rep, "east", "TARGET", "POTENTIAL",
                now.minus(Duration.ofDays(6)), BigDecimal.TEN, close);
        Events.publish(open, second, first);

        await().atMost(WAIT).until(() -> db.count(
                "SELECT count(*) FROM stage_transition WHERE opportunity_id = $1", opportunity) == 3);
        Row o = db.row("SELECT stage, aggregate_version FROM opportunity_fact WHERE opportunity_id = $1", opportunity);
        assertThat(o.getString("stage")).isEqualTo("INTENT");
        assertThat(o.getLong("aggregate_version")).isEqualTo(2);
    }

    @Test
    void visitsCountOnTheirBusinessDayOnceAndMoveWhenCorrected() {
        // 01:30 on the 16th in Shanghai is still the 15th in UTC: the business day is the 16th.
        Instant earlyMorning = Instant.parse("2026-11-15T17:30:00Z");
        VisitLogged visit = Fixtures.visit(customer, null, rep, "east", earlyMorning, "NEUTRAL", true);
        Events.publish(Fixtures.customer(customer, rep, "east", "B", earlyMorning.minus(Duration.ofDays(3))));
        Events.publish(visit, visit);

        await().atMost(WAIT).until(() -> visits(rep, LocalDate.parse("2026-11-16")) == 1);
        VisitCorrected correction = Fixtures.corrected(visit, 1, Instant.parse("2026-11-17T02:00:00Z"), false);
        Events.publish(correction, correction);

        await().atMost(WAIT).until(() -> visits(rep, LocalDate.parse("2026-11-17")) == 1);
        assertThat(visits(rep, LocalDate.parse("2026-11-16"))).isZero();
        assertThat(db.count("SELECT effective_visits FROM rep_activity WHERE owner_id = $1 AND day = $2", rep,
                LocalDate.parse("2026-11-17"))).isZero();
    }

    @Test
    void customerKnowsItsWonDealsOverdueFollowUpsAndLostDecisionMaker() {
        LocalDate close = day(now).plusDays(10);
        CustomerCreated created = Fixtures.customer(customer, rep, "east", "B", now.minus(Duration.ofDays(100)));
        FollowUpCreated followUp = Fixtures.followUp(customer, UUID.randomUUID(), rep, "east",
                now.minus(Duration.ofDays(10)), day(now).minusDays(3));
        Events.publish(created, Fixtures.decisionMakerLost(customer, 0, rep, "east", now.minus(Duration.ofDays(2))));
        Events.publish(Fixtures.opened(customer, opportunity, rep, "east", now.minus(Duration.ofDays(40)),
                        new BigDecimal("5000"), close),
                Fixtures.moved(customer, opportunity, 1, rep, "east", "TARGET", "WON", now.minus(Duration.ofDays(1)),
                        new BigDecimal("5000"), close),
                Fixtures.won(customer, opportunity, 1, rep, "east", now.minus(Duration.ofDays(1)),
                        new BigDecimal("5000"), day(now.minus(Duration.ofDays(40)))));
        Events.publish(followUp);

        await().atMost(WAIT).until(() -> {
            Row c = db.row("SELECT won_deals, overdue_follow_ups FROM customer_fact WHERE customer_id = $1", customer);
            return c != null && c.getInteger("won_deals") == 1 && c.getInteger("overdue_follow_ups") == 1
                    // the won deal's revenue rides OpportunityWon, right after the stage change that set WON
                    && db.row("SELECT 1 FROM opportunity_fact WHERE opportunity_id = $1 AND won_on IS NOT NULL",
                            opportunity) != null;
        });
        Row c = db.row("SELECT decision_maker_left_at FROM customer_fact WHERE customer_id = $1", customer);
        assertThat(c.getOffsetDateTime("decision_maker_left_at")).isNotNull();
        Row activity = db.row("SELECT won_deals, won_amount FROM rep_activity WHERE owner_id = $1 AND day = $2", rep,
                day(now.minus(Duration.ofDays(1))));
        assertThat(activity.getInteger("won_deals")).isEqualTo(1);
        assertThat(activity.getBigDecimal("won_amount")).isEqualByComparingTo("5000");
    }

    @Test
    void aThousandVisitsAreAppliedInBatchesAndEachCountedOnce() {
        String team = "team-" + UUID.randomUUID();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            UUID id = UUID.randomUUID();
            for (int v = 0; v < 20; v++) {
                VisitLogged visit = Fixtures.visit(id, null, rep, team, now.minus(Duration.ofHours(v)), "NEUTRAL", v % 2 == 0);
                records.add(new ProducerRecord<>(Topics.VISITS, id.toString(), Events.json(visit)));
            }
        }
        Instant start = Instant.now();
        Events.kafka().produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                "SELECT count(*) FROM visit_fact WHERE owner_team = $1", team) == 1000);
        long millis = Math.max(1, Duration.between(start, Instant.now()).toMillis());
        System.out.printf("ingest: 1000 visit events applied in %d ms (%d events/s)%n", millis, 1000_000 / millis);
        assertThat(db.count("SELECT COALESCE(sum(visits), 0) FROM rep_activity WHERE owner_id = $1", rep)).isEqualTo(1000);
        assertThat(db.count("SELECT COALESCE(sum(effective_visits), 0) FROM rep_activity WHERE owner_id = $1", rep))
                .isEqualTo(500);
    }

    private Instant lastActivity(UUID id) {
        Row row = db.row("SELECT last_activity_at FROM opportunity_fact WHERE opportunity_id = $1", id);
        return row == null ? null : row.getOffsetDateTime("last_activity_at").toInstant();
    }

    private long visits(String owner, LocalDate day) {
        Row row = db.row("SELECT visits FROM rep_activity WHERE owner_id = $1 AND day = $2", owner, day);
        return row == null ? 0 : row.getInteger("visits");
    }
}
