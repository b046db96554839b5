package org.salescrm.goal.actuals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.salescrm.goal.Api.as;
import static org.salescrm.goal.Api.goal;
import static org.salescrm.goal.Api.setGoal;
import static org.salescrm.goal.Api.unique;
import static org.salescrm.goal.TestEvents.SHANGHAI;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;
import org.salescrm.goal.TestEvents;
import org.salescrm.testsupport.TestTokens;

/**
 * A polled batch of crm.visits as the inbox hands it over: written with one statement, it ends as the events
 * applied one by one would, whether a visit's log and its correction share the batch or an older event comes later.
 */
@QuarkusTest
class VisitBatchIT {

    static final String ADMIN = TestTokens.admin("admin");

    @Inject
    ActualFacts facts;

    @Inject
    Pool db;

    @Test
    void visitLoggedAndCorrectedInOneBatchEndWithTheCorrection() throws Throwable {
        String rep = unique("rep");
        String team = unique("team");
        VisitLogged logged = TestEvents.visit(rep, team, UUID.randomUUID(), at(2034, 11, 3), false);
        VisitCorrected corrected = correction(logged, 1, at(2034, 11, 5), true);
        VisitLogged other = TestEvents.visit(rep, team, UUID.randomUUID(), at(2034, 11, 4), true);
        VisitLogged ownerless = TestEvents.visit(null, null, UUID.randomUUID(), at(2034, 11, 4), true);

        applyBatch(logged, other, corrected, ownerless);

        assertThat(facts(logged.aggregateId())).containsExactly(
                "EFFECTIVE_VISITS " + rep + " " + team + " null " + logged.customerId() + " 2034-11-05 1.00 1 null",
                "VISITS " + rep + " " + team + " null " + logged.customerId() + " 2034-11-05 1.00 1 null");
        assertThat(facts(other.aggregateId())).containsExactly(
                "EFFECTIVE_VISITS " + rep + " " + team + " null " + other.customerId() + " 2034-11-04 1.00 0 null",
                "VISITS " + rep + " " + team + " null " + other.customerId() + " 2034-11-04 1.00 0 null");
        assertThat(facts(ownerless.aggregateId())).isEmpty();
    }

    @Test
    void correctionBeforeItsLogInTheBatchStillWins() throws Throwable {
        String rep = unique("rep");
        VisitLogged logged = TestEvents.visit(rep, "east", UUID.randomUUID(), at(2034, 12, 1), true);
        VisitCorrected corrected = correction(logged, 2, at(2034, 12, 2), false);

        applyBatch(corrected, logged);

        assertThat(facts(logged.aggregateId())).containsExactly(
                "EFFECTIVE_VISITS " + rep + " east null " + logged.customerId() + " 2034-12-02 0.00 2 null",
                "VISITS " + rep + " east null " + logged.customerId() + " 2034-12-02 1.00 2 null");
    }

    @Test
    void olderOrEqualVersionInALaterBatchChangesNothing() throws Throwable {
        String rep = unique("rep");
        VisitLogged logged = TestEvents.visit(rep, "east", UUID.randomUUID(), at(2035, 1, 10), false);
        VisitCorrected corrected = correction(logged, 1, at(2035, 1, 11), true);
        applyBatch(logged, corrected);
        List<String> written = facts(logged.aggregateId());

        // a batch retried record by record hands over one event at a time
        applyBatch(withId(logged.aggregateId(), TestEvents.visit(rep, "west", logged.customerId(),
                at(2035, 1, 20), false)));
        applyBatch(correction(logged, 1, at(2035, 1, 21), false));

        assertThat(facts(logged.aggregateId())).isEqualTo(written).containsExactly(
                "EFFECTIVE_VISITS " + rep + " east null " + logged.customerId() + " 2035-01-11 1.00 1 null",
                "VISITS " + rep + " east null " + logged.customerId() + " 2035-01-11 1.00 1 null");
    }

    @Test
    void repTakesTheTeamOfTheirNewestEventAndAwaitingGoalsTheTeamOfTheFirst() throws Throwable {
        String rep = unique("rep");
        String goalId = setGoal(ADMIN, goal("2035-02", "VISITS", "REP", rep, 10, null));
        as(ADMIN).get("/api/v1/goals/{id}", goalId).then().statusCode(200).body("ownerTeam", nullValue());
        UUID customer = UUID.randomUUID();

        // as applied one by one: the first event gives the goal its team, the newest one the rep theirs
        applyBatch(TestEvents.visit(rep, "team-first", customer, at(2035, 2, 2), true),
                TestEvents.visit(rep, "team-newest", customer, at(2035, 2, 3), true),
                TestEvents.visit(rep, "team-oldest", customer, at(2035, 2, 1), true));

        assertThat(db.preparedQuery("SELECT team FROM rep_team WHERE rep_id = $1").execute(Tuple.of(rep))
                .await().indefinitely().iterator().next().getString("team")).isEqualTo("team-newest");
        as(ADMIN).get("/api/v1/goals/{id}", goalId).then().statusCode(200).body("ownerTeam", equalTo("team-first"));
    }

    private void applyBatch(DomainEvent... events) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> facts.applyAll(List.of(events))));
    }

    /** The visit's rows, one line each, by metric. */
    private List<String> facts(UUID visitId) {
        List<String> lines = new ArrayList<>();
        for (Row r : db.preparedQuery("""
                        SELECT metric, rep_id, team, product_line, customer_id, day, amount, aggregate_version,
                               opportunity_id
                        FROM actual_fact WHERE source_id = $1 ORDER BY metric""")
                .execute(Tuple.of(visitId)).await().indefinitely()) {
            lines.add(String.join(" ", r.getString("metric"), r.getString("rep_id"), r.getString("team"),
                    String.valueOf(r.getString("product_line")), String.valueOf(r.getUUID("customer_id")),
                    String.valueOf(r.getLocalDate("day")), r.getBigDecimal("amount").toPlainString(),
                    String.valueOf(r.getLong("aggregate_version")), String.valueOf(r.getUUID("opportunity_id"))));
        }
        return lines;
    }

    private static VisitCorrected correction(VisitLogged visit, long version, Instant visitAt, boolean effective) {
        return new VisitCorrected(UUID.randomUUID(), visit.aggregateId(), version, visit.ownerId(), visit.ownerTeam(),
                visit.occurredAt().plusSeconds(7200), visit.customerId(), visitAt, List.of("occurredAt"), "POSITIVE",
                effective, effective, visit.ownerId());
    }

    /** {@code v} as a log of the visit {@code visitId}: an older event of it arriving late. */
    private static VisitLogged withId(UUID visitId, VisitLogged v) {
        return new VisitLogged(v.eventId(), visitId, v.aggregateVersion(), v.ownerId(), v.ownerTeam(), v.occurredAt(),
                v.customerId(), v.opportunityId(), v.method(), v.keyPersonIds(), v.purpose(), v.purposeAchieved(),
                v.sentiment(), v.effective(), v.lateEntry(), v.loggedAt(), v.durationMinutes(), v.followUpId());
    }

    private static Instant at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 10, 0).atZone(SHANGHAI).toInstant();
    }
}
