package org.salescrm.analytics.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.salescrm.analytics.support.Fixtures.day;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salescrm.analytics.support.Db;
import org.salescrm.analytics.support.Events;
import org.salescrm.analytics.support.Fixtures;
import org.salescrm.analytics.support.TestClock;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;
import org.salescrm.events.analytics.AlertChanged;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.events.analytics.AlertResolved;
import org.salescrm.events.visit.VisitLogged;
import org.salescrm.testsupport.TestTokens;

/**
 * Stalled-opportunity and churn-risk alerts from real events on the real broker, their lifecycle
 * through the API, and their events on crm.alerts. "Now" is moved with the injected clock.
 */
@QuarkusTest
class AlertsIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static ConsumerTask<String, String> alertEvents;

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    Db db;
    String team;
    String rep;
    UUID customer;
    Instant now;

    @BeforeAll
    static void listen() {
        alertEvents = Events.kafka().consumeStrings().fromTopics(Topics.ALERTS);
    }

    @AfterAll
    static void stopListening() {
        alertEvents.close();
    }

    @BeforeEach
    void fresh() {
        db = new Db(pool);
        team = "team-" + UUID.randomUUID();
        rep = "rep-" + UUID.randomUUID();
        customer = UUID.randomUUID();
        now = Instant.now();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void idleOpportunityRaisesOneAlertThatRedeliveryLeavesAloneAndAVisitResolves() {
        UUID opportunity = UUID.randomUUID();
        List<DomainEvent> history = negotiationIdleFor16Days(opportunity);

        Map<String, Object> alert = settledIdleAlert(opportunity);
        assertThat(alert.get("ownerId")).isEqualTo(rep);
        assertThat(alert.get("ownerTeam")).isEqualTo(team);
        assertThat(alert.get("customerId")).isEqualTo(customer.toString());
        assertThat(alert.get("severity")).isEqualTo("MEDIUM");
        assertThat(reasons(alert)).containsExactly(
                reason("IDLE", "no activity for 16 days; NEGOTIATION allows 7", 16, 7));

        // Every transition so far is on crm.alerts: one raise, then one change per version.
        long version = ((Number) alert.get("version")).longValue();
        await().atMost(WAIT).until(() -> alertEventsOf(customer, null).size() == version + 1);
        assertThat(alertEventsOf(customer, AlertRaised.TYPE)).hasSize(1);

        // The same events again, then a marker on the same partition: once it is applied, the copies were seen.
        Events.publish(history.toArray(DomainEvent[]::new));
        UUID marker = UUID.randomUUID();
        Events.publish(Fixtures.opened(customer, marker, rep, team, now, BigDecimal.ONE, day(now).plusDays(60)));
        await().atMost(WAIT).until(() -> db.row("SELECT 1 FROM opportunity_fact WHERE opportunity_id = $1", marker) != null);
        assertThat(db.count("SELECT count(*) FROM alert WHERE subject_id = $1", opportunity)).isEqualTo(1);
        assertThat(db.count("SELECT version FROM alert WHERE subject_id = $1", opportunity)).isEqualTo(version);
        assertThat(alertEventsOf(customer, null)).hasSize((int) version + 1);

        Instant published = Instant.now();
        Events.publish(Fixtures.visit(customer, null, rep, team, now, "POSITIVE", true));
        Map<String, Object> resolved = awaitAlert("STALLED_OPPORTUNITY", opportunity, "RESOLVED");
        System.out.printf("visit-to-resolved latency: %d ms%n", Duration.between(published, Instant.now()).toMillis());
        assertThat(resolved.get("resolvedAt")).isNotNull();
        await().atMost(WAIT).until(() -> alertEventsOf(customer, AlertResolved.TYPE).size() == 1);
        AlertResolved event = (AlertResolved) EventCodec.data(EventCodec.read(
                alertEventsOf(customer, AlertResolved.TYPE).get(0).value()));
        assertThat(event.reason()).isEqualTo("CAUSES_CLEARED");
        assertThat(event.aggregateId().toString()).isEqualTo(alert.get("id"));
    }

    @Test
    void aDealTakesItsCustomersLatestVisitInWhateverOrderVisitsArriveAndFollowsACorrectionBack() {
        UUID opportunity = UUID.randomUUID();
        negotiationIdleFor16Days(opportunity);
        settledIdleAlert(opportunity);
        Instant twoDaysAgo = now.minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);
        Instant fiveDaysAgo = now.minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MICROS);
        VisitLogged latest = Fixtures.visit(customer, null, rep, team, twoDaysAgo, "NEUTRAL", true);
        Events.publish(latest);
        await().atMost(WAIT).until(() -> twoDaysAgo.equals(lastActivity(opportunity)));

        // An older visit, logged late: the customer's latest visit stays, so does the deal's activity.
        VisitLogged older = Fixtures.visit(customer, null, rep, team, fiveDaysAgo, "NEUTRAL", true);
        Events.publish(older);
        await().atMost(WAIT).until(() -> db.row("SELECT 1 FROM visit_fact WHERE visit_id = $1",
                older.aggregateId()) != null);
        assertThat(lastActivity(opportunity)).isEqualTo(twoDaysAgo);

        // The latest visit corrected to a date before the older one: the deal's activity goes back with it.
        Events.publish(Fixtures.corrected(latest, 1, now.minus(Duration.ofDays(9)), true));
        await().atMost(WAIT).until(() -> fiveDaysAgo.equals(lastActivity(opportunity)));
    }

    private Instant lastActivity(UUID opportunity) {
        return db.row("SELECT last_activity_at FROM opportunity_fact WHERE opportunity_id = $1", opportunity)
                .getOffsetDateTime("last_activity_at").toInstant();
    }

    @Test
    void replayingTheEventsIntoEmptiedStateRebuildsTheSameStateAndAlert() {
        UUID opportunity = UUID.randomUUID();
        List<DomainEvent> history = negotiationIdleFor16Days(opportunity);
        Map<String, Object> before = settledIdleAlert(opportunity);
        Row factBefore = db.row("SELECT stage, stage_entered_at, last_activity_at FROM opportunity_fact "
                + "WHERE opportunity_id = $1", opportunity);

        // What the README's replay does, for this one customer: state, marks and alerts emptied, events read again.
        db.execute("DELETE FROM opportunity_fact WHERE customer_id = $1", customer);
        db.execute("DELETE FROM stage_transition WHERE opportunity_id = $1", opportunity);
        db.execute("DELETE FROM customer_fact WHERE customer_id = $1", customer);
        db.execute("DELETE FROM alert WHERE customer_id = $1", customer);
        for (DomainEvent event : history) {
            db.execute("DELETE FROM processed_event WHERE event_id = $1", event.eventId());
        }
        Events.publish(history.toArray(DomainEvent[]::new));

        Map<String, Object> after = settledIdleAlert(opportunity);
        assertThat(reasons(after)).isEqualTo(reasons(before));
        assertThat(after.get("severity")).isEqualTo(before.get("severity"));
        Row factAfter = db.row("SELECT stage, stage_entered_at, last_activity_at FROM opportunity_fact "
                + "WHERE opportunity_id = $1", opportunity);
        assertThat(factAfter.getString("stage")).isEqualTo(factBefore.getString("stage"));
        assertThat(factAfter.getOffsetDateTime("stage_entered_at")).isEqualTo(factBefore.getOffsetDateTime("stage_entered_at"));
        assertThat(factAfter.getOffsetDateTime("last_activity_at")).isEqualTo(factBefore.getOffsetDateTime("last_activity_at"));
        assertThat(db.count("SELECT count(*) FROM stage_transition WHERE opportunity_id = $1", opportunity)).isEqualTo(2);
    }

    @Test
    void eventTriggeredAlertAppearsWithinSecondsOfTheEvent() {
        UUID opportunity = UUID.randomUUID();
        Instant published = Instant.now();
        negotiationIdleFor16Days(opportunity);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.row("SELECT 1 FROM alert WHERE subject_id = $1", opportunity) != null);
        System.out.printf("event-to-alert latency (publish to row): %d ms%n",
                Duration.between(published, Instant.now()).toMillis());
        await().atMost(WAIT).until(() -> alertEventsOf(customer, AlertRaised.TYPE).size() == 1);
    }

    @Test
    void pastItsExpectedCloseDateRaisesOneAlert() {
        UUID opportunity = UUID.randomUUID();
        LocalDate close = day(now).minusDays(5);
        Events.publish(Fixtures.customer(customer, rep, team, "C", now.minus(Duration.ofDays(10))),
                Fixtures.opened(customer, opportunity, rep, team, now.minus(Duration.ofDays(3)), BigDecimal.TEN, close));

        Map<String, Object> alert = awaitAlert("STALLED_OPPORTUNITY", opportunity, "OPEN");
        assertThat(reasons(alert)).containsExactly(reason("PAST_CLOSE_DATE",
                "5 days past its expected close date " + close, 5, 0));
        assertThat(alert.get("severity")).isEqualTo("LOW");
    }

    @Test
    void dealDwellingTwiceTheTeamMedianInItsStageIsStalledOnceTheTeamHasEnoughSamples() {
        LocalDate close = day(now).plusDays(90);
        tenDealsTenDaysInProject(team, close);
        UUID opportunity = dealInProjectFor41Days(customer, team, close);

        // The visit rides another topic: until it is applied the deal is also IDLE, so wait for the settled reasons.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                reasons(awaitAlert("STALLED_OPPORTUNITY", opportunity, "OPEN")))
                .containsExactly(reason("DWELL", "in PROJECT for 41 days; team median 10", 41, 20)));
    }

    @Test
    void dealsHandedToAnotherTeamTakeTheirStaysToItsMedians() {
        LocalDate close = day(now).plusDays(90);
        String otherTeam = "team-" + UUID.randomUUID();
        Map<UUID, UUID> samples = tenDealsTenDaysInProject(team, close);
        UUID dwelling = dealInProjectFor41Days(customer, team, close);
        UUID otherCustomer = UUID.randomUUID();
        UUID otherDwelling = dealInProjectFor41Days(otherCustomer, otherTeam, close);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                reasons(awaitAlert("STALLED_OPPORTUNITY", dwelling, "OPEN")))
                .containsExactly(reason("DWELL", "in PROJECT for 41 days; team median 10", 41, 20)));

        samples.forEach((sampleCustomer, sample) -> Events.publish(Fixtures.edited(sampleCustomer, sample, 3, rep,
                otherTeam, "ACKNOWLEDGED", now.minus(Duration.ofDays(1)), BigDecimal.TEN, close)));
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM opportunity_fact WHERE owner_team = $1",
                otherTeam) == 11);
        // A visit to each customer has the rules look at its deal again.
        Events.publish(Fixtures.visit(customer, dwelling, rep, team, now.minus(Duration.ofDays(1)), "NEUTRAL", true),
                Fixtures.visit(otherCustomer, otherDwelling, rep, otherTeam, now.minus(Duration.ofDays(1)), "NEUTRAL",
                        true));

        awaitAlert("STALLED_OPPORTUNITY", dwelling, "RESOLVED");
        assertThat(reasons(awaitAlert("STALLED_OPPORTUNITY", otherDwelling, "OPEN")))
                .containsExactly(reason("DWELL", "in PROJECT for 41 days; team median 10", 41, 20));
    }

    @Test
    void silentACustomerWithAnOverdueFollowUpIsAChurnRiskListingBothReasons() {
        Events.publish(Fixtures.customer(customer, rep, team, "A", now.minus(Duration.ofDays(100))),
                Fixtures.visit(customer, null, rep, team, now.minus(Duration.ofDays(30)), "NEUTRAL", true),
                Fixtures.followUp(customer, UUID.randomUUID(), rep, team, now.minus(Duration.ofDays(30)),
                        day(now).minusDays(5)));

        // Three topics: until the visit is applied the customer looks never visited, so wait for the settled reasons.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Object> alert = awaitAlert("CHURN_RISK", customer, "OPEN");
            assertThat(reasons(alert)).containsExactly(
                    reason("SILENCE", "no visit for 30 days; grade A expects one every 14", 30, 14),
                    reason("OVERDUE_FOLLOW_UPS", "1 follow-up overdue", 1, 0));
            assertThat(alert.get("score")).isEqualTo(65);
            assertThat(alert.get("severity")).isEqualTo("LOW");
        });
    }

    @Test
    void onlyOneUnresolvedAlertPerTypeAndSubjectCanExist() {
        UUID opportunity = UUID.randomUUID();
        negotiationIdleFor16Days(opportunity);
        awaitAlert("STALLED_OPPORTUNITY", opportunity, "OPEN");

        assertThatThrownBy(() -> db.execute("""
                INSERT INTO alert (id, version, type, subject_id, customer_id, severity, reasons, status, raised_at,
                                   open_since, created_at, updated_at)
                VALUES ($1, 0, 'STALLED_OPPORTUNITY', $2, $3, 'LOW', '[]', 'SNOOZED', now(), now(), now(), now())""",
                UUID.randomUUID(), opportunity, customer)).hasMessageContaining("alert_one_unresolved");
    }

    @Test
    void acknowledgedAlertKeepsItsNoteAndAResolvedOneCannotBeAcknowledged() {
        UUID opportunity = UUID.randomUUID();
        negotiationIdleFor16Days(opportunity);
        Map<String, Object> settled = settledIdleAlert(opportunity);
        String id = (String) settled.get("id");

        given().auth().oauth2(TestTokens.manager("boss", team)).contentType(ContentType.JSON)
                .body(Map.of("note", "我明天跟进")).post("/api/v1/alerts/{id}/acknowledge", id)
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("note", equalTo("我明天跟进"))
                .body("acknowledgedBy", equalTo("boss"))
                .body("version", equalTo(((Number) settled.get("version")).intValue() + 1));
        await().atMost(WAIT).until(() -> changes(customer).contains("ACKNOWLEDGED"));

        // Three days on, an acknowledged alert is not escalated.
        clock.advance(Duration.ofDays(3));
        scanNow();
        assertThat(alertRow(opportunity).getBoolean("escalated")).isFalse();

        Events.publish(Fixtures.visit(customer, null, rep, team, clock.instant(), "POSITIVE", true));
        awaitAlert("STALLED_OPPORTUNITY", opportunity, "RESOLVED");
        given().auth().oauth2(TestTokens.rep(rep, team)).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .post("/api/v1/alerts/{id}/acknowledge", id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void acknowledgeNeedsNoBodyAtAll() {
        UUID opportunity = UUID.randomUUID();
        negotiationIdleFor16Days(opportunity);
        String id = (String) settledIdleAlert(opportunity).get("id");

        // API.md: the note is optional, so a bare POST acknowledges, with or without a JSON content type
        given().auth().oauth2(TestTokens.rep(rep, team)).post("/api/v1/alerts/{id}/acknowledge", id)
                .then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo(rep));
        given().auth().oauth2(TestTokens.manager("boss", team)).contentType(ContentType.JSON)
                .post("/api/v1/alerts/{id}/acknowledge", id)
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        given().auth().oauth2(TestTokens.manager("boss", team)).contentType(ContentType.TEXT).body("我明天跟进")
                .post("/api/v1/alerts/{id}/acknowledge", id)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void snoozedAlertReopensAfterItsDateWhenTheCauseRemains() {
        UUID opportunity = UUID.randomUUID();
        negotiationIdleFor16Days(opportunity);
        String id = (String) settledIdleAlert(opportunity).get("id");
        String token = TestTokens.rep(rep, team);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("until", day(now).plusDays(1).toString()))
                .post("/api/v1/alerts/{id}/snooze", id)
                .then().statusCode(422).body("errors.field", hasItem("reason"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("until", now.minus(Duration.ofHours(1)).toString(), "reason", "客户出差"))
                .post("/api/v1/alerts/{id}/snooze", id)
                .then().statusCode(422).body("errors.field", hasItem("until"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("until", now.plus(Duration.ofDays(1)).toString(), "reason", "客户出差", "status", "OPEN"))
                .post("/api/v1/alerts/{id}/snooze", id)
                .then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("until", now.plus(Duration.ofDays(1)).toString(), "reason", "客户出差"))
                .post("/api/v1/alerts/{id}/snooze", id)
                .then().statusCode(200).body("status", equalTo("SNOOZED"));

        scanNow();
        assertThat(alertRow(opportunity).getString("status")).as("still snoozed before its date").isEqualTo("SNOOZED");

        clock.advance(Duration.ofDays(2));
        scanNow();
        Row reopened = alertRow(opportunity);
        assertThat(reopened.getString("status")).isEqualTo("OPEN");
        assertThat(reopened.getString("reasons")).contains("no activity for 18 days");
        await().atMost(WAIT).until(() -> changes(customer).contains("REOPENED"));
    }

    @Test
    void alertLeftUnacknowledgedIsEscalatedToAdminWithSeverityHigh() {
        UUID opportunity = UUID.randomUUID();
        negotiationIdleFor16Days(opportunity);
        String id = (String) settledIdleAlert(opportunity).get("id");

        clock.advance(Duration.ofDays(1));
        scanNow();
        assertThat(alertRow(opportunity).getBoolean("escalated")).as("one day is not enough").isFalse();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        scanNow();
        given().auth().oauth2(TestTokens.admin("chief")).get("/api/v1/alerts/{id}", id)
                .then().statusCode(200).body("escalated", equalTo(true)).body("severity", equalTo("HIGH"))
                .body("status", equalTo("OPEN"));
        await().atMost(WAIT).until(() -> changes(customer).contains("ESCALATED"));
        AlertChanged escalated = alertEventsOf(customer, AlertChanged.TYPE).stream()
                .map(r -> (AlertChanged) EventCodec.data(EventCodec.read(r.value())))
                .filter(e -> "ESCALATED".equals(e.change())).findFirst().orElseThrow();
        assertThat(escalated.severity()).isEqualTo("HIGH");
        assertThat(escalated.aggregateId().toString()).isEqualTo(id);
    }

    @Test
    void repSeesOwnAlertsOnlyAndManagerOnlyTheirTeams() {
        UUID opportunity = UUID.randomUUID();
        negotiationIdleFor16Days(opportunity);
        String id = (String) awaitAlert("STALLED_OPPORTUNITY", opportunity, "OPEN").get("id");
        String otherRep = TestTokens.rep("rep-" + UUID.randomUUID(), team);
        String otherManager = TestTokens.manager("boss-" + UUID.randomUUID(), "team-" + UUID.randomUUID());

        given().auth().oauth2(TestTokens.rep(rep, team)).queryParam("customerId", customer).get("/api/v1/alerts")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(otherRep).queryParam("customerId", customer).get("/api/v1/alerts")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(otherRep).get("/api/v1/alerts/{id}", id).then().statusCode(404);
        given().auth().oauth2(otherRep).contentType(ContentType.JSON).body(Map.of("note", "不是我的"))
                .post("/api/v1/alerts/{id}/acknowledge", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.manager("boss", team)).queryParam("team", team).get("/api/v1/alerts")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(otherManager).queryParam("customerId", customer).get("/api/v1/alerts")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(otherManager).get("/api/v1/alerts/{id}", id).then().statusCode(404);
        given().get("/api/v1/alerts").then().statusCode(401);
        given().auth().oauth2(TestTokens.rep(rep, team)).queryParam("status", "SLEEPING").get("/api/v1/alerts")
                .then().statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void alertListIsFilteredAndPagedByCursor() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        negotiationIdleFor16Days(first);
        negotiationIdleFor16Days(second);
        awaitAlert("STALLED_OPPORTUNITY", first, "OPEN");
        awaitAlert("STALLED_OPPORTUNITY", second, "OPEN");
        String token = TestTokens.rep(rep, team);

        JsonPath page1 = given().auth().oauth2(token).queryParam("type", "STALLED_OPPORTUNITY")
                .queryParam("status", "OPEN").queryParam("limit", 1).get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items")).hasSize(1);
        JsonPath page2 = given().auth().oauth2(token).queryParam("type", "STALLED_OPPORTUNITY")
                .queryParam("status", "OPEN").queryParam("limit", 1).queryParam("cursor", page1.getString("next"))
                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
        assertThat(List.of(page1.getString("items[0].subjectId"), page2.getString("items[0].subjectId")))
                .containsExactlyInAnyOrder(first.toString(), second.toString());
    }

    /** A customer (grade C, so no churn risk) whose opportunity reached NEGOTIATION 16 days ago, untouched since. */
    private List<DomainEvent> negotiationIdleFor16Days(UUID opportunity) {
        LocalDate close = day(now).plusDays(60);
        List<DomainEvent> events = List.of(
                Fixtures.customer(customer, rep, team, "C", now.minus(Duration.ofDays(60))),
                Fixtures.opened(customer, opportunity, rep, team, now.minus(Duration.ofDays(40)), BigDecimal.TEN, close),
                Fixtures.moved(customer, opportunity, 1, rep, team, "TARGET", "NEGOTIATION",
                        now.minus(Duration.ofDays(16)).minusSeconds(60), BigDecimal.TEN, close));
        Events.publish(events.toArray(DomainEvent[]::new));
        return events;
    }

    /**
     * The idle alert once the stage change is applied: opening and moving may land in two batches, and
     * an alert raised between them (idle in TARGET) changes its reasons when the move arrives.
     */
    private Map<String, Object> settledIdleAlert(UUID opportunity) {
        await().atMost(WAIT).until(() -> db.row("SELECT 1 FROM alert WHERE subject_id = $1 AND status = 'OPEN' "
                + "AND reasons LIKE '%NEGOTIATION allows 7%'", opportunity) != null);
        return awaitAlert("STALLED_OPPORTUNITY", opportunity, "OPEN");
    }

    /**
     * Ten deals of the team, each of its own customer, that spent ten days in PROJECT and moved on: enough samples
     * for a median. Answers each deal by its customer.
     */
    private Map<UUID, UUID> tenDealsTenDaysInProject(String owningTeam, LocalDate close) {
        Map<UUID, UUID> samples = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            UUID sampleCustomer = UUID.randomUUID();
            UUID sample = UUID.randomUUID();
            Instant enteredProject = now.minus(Duration.ofDays(30));
            Events.publish(Fixtures.opened(sampleCustomer, sample, rep, owningTeam, now.minus(Duration.ofDays(40)),
                            BigDecimal.TEN, close),
                    Fixtures.moved(sampleCustomer, sample, 1, rep, owningTeam, "TARGET", "PROJECT", enteredProject,
                            BigDecimal.TEN, close),
                    Fixtures.moved(sampleCustomer, sample, 2, rep, owningTeam, "PROJECT", "ACKNOWLEDGED",
                            enteredProject.plus(Duration.ofDays(10)), BigDecimal.TEN, close));
            samples.put(sampleCustomer, sample);
        }
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM stage_transition WHERE owner_team = $1 "
                + "AND to_stage = 'ACKNOWLEDGED'", owningTeam) == 10);
        return samples;
    }

    /** A deal in PROJECT for 41 days whose customer was visited two days ago: only a team median can stall it. */
    private UUID dealInProjectFor41Days(UUID dealCustomer, String owningTeam, LocalDate close) {
        UUID opportunity = UUID.randomUUID();
        Events.publish(Fixtures.customer(dealCustomer, rep, owningTeam, "C", now.minus(Duration.ofDays(70))),
                Fixtures.opened(dealCustomer, opportunity, rep, owningTeam, now.minus(Duration.ofDays(60)),
                        BigDecimal.TEN, close),
                Fixtures.moved(dealCustomer, opportunity, 1, rep, owningTeam, "TARGET", "PROJECT",
                        now.minus(Duration.ofDays(41)), BigDecimal.TEN, close),
                Fixtures.visit(dealCustomer, opportunity, rep, owningTeam, now.minus(Duration.ofDays(2)), "NEUTRAL",
                        true));
        return opportunity;
    }

    /** Waits for the row (polling the database, not the rate-limited API), then reads it as the API shows it. */
    private Map<String, Object> awaitAlert(String type, UUID subject, String status) {
        await().atMost(WAIT).until(() -> db.row("SELECT id FROM alert WHERE type = $1 AND subject_id = $2 AND status = $3",
                type, subject, status) != null);
        String id = db.row("SELECT id FROM alert WHERE type = $1 AND subject_id = $2 AND status = $3 "
                + "ORDER BY raised_at DESC LIMIT 1", type, subject, status).getUUID("id").toString();
        return given().auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID())).get("/api/v1/alerts/{id}", id)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reasons(Map<String, Object> alert) {
        return ((List<Map<String, Object>>) alert.get("reasons")).stream()
                .map(r -> Map.of("code", r.get("code"), "message", r.get("message"),
                        "value", new BigDecimal(r.get("value").toString()).stripTrailingZeros(),
                        "threshold", new BigDecimal(r.get("threshold").toString()).stripTrailingZeros()))
                .toList();
    }

    private static Map<String, Object> reason(String code, String message, long value, long threshold) {
        return Map.of("code", code, "message", message, "value", BigDecimal.valueOf(value).stripTrailingZeros(),
                "threshold", BigDecimal.valueOf(threshold).stripTrailingZeros());
    }

    private Row alertRow(UUID subject) {
        return db.row("SELECT * FROM alert WHERE subject_id = $1 ORDER BY raised_at DESC LIMIT 1", subject);
    }

    private static void scanNow() {
        given().auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID())).post("/api/v1/alerts/scan").then().statusCode(200);
    }

    private static List<ConsumerRecord<String, String>> alertEventsOf(UUID customer, String type) {
        return alertEvents.getRecords().stream().filter(r -> customer.toString().equals(r.key()))
                .filter(r -> type == null || r.value().contains("\"type\":\"" + type + "\"")).toList();
    }

    private static List<String> changes(UUID customer) {
        return alertEventsOf(customer, AlertChanged.TYPE).stream()
                .map(r -> ((AlertChanged) EventCodec.data(EventCodec.read(r.value()))).change()).toList();
    }
}
