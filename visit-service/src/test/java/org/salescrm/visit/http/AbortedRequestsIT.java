package org.salescrm.visit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salescrm.testsupport.http.OutboxAgreement.eventsWithoutTheirRow;
import static org.salescrm.testsupport.http.OutboxAgreement.rowsOutOfStepWithTheirEvents;
import static org.salescrm.testsupport.http.OutboxAgreement.unsentEvents;
import static org.salescrm.visit.Fixtures.REP_EAST_1;
import static org.salescrm.visit.Fixtures.as;
import static org.salescrm.visit.Fixtures.customerOf;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.salescrm.testsupport.http.AbortedWrites;
import org.salescrm.testsupport.http.DroppingLoadRun;
import org.salescrm.testsupport.http.ApiOperation;
import org.salescrm.testsupport.http.HangUpStorm.Request;

/**
 * Clients that hang up mid-request, on every write endpoint at once: each request commits whole or not at all,
 * its connection goes back to the pool, and the service keeps answering.
 */
@QuarkusTest
class AbortedRequestsIT {

    static final int ABORTED_WRITES = 1_000;
    static final int PER_OPERATION = ABORTED_WRITES / 5 + 1;
    static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + REP_EAST_1);

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int poolSize;

    @Inject
    Pool db;

    @Test
    void writesAbortedAtAnyPointCommitOrRollBackWholeAndReturnTheirConnections() throws Exception {
        UUID customer = customerOf(db, "rep-east-1", "east");
        UUID other = customerOf(db, "rep-east-1", "east");
        Supplier<Request> corrections = AbortedWrites.prepared(PER_OPERATION, () -> correction(logVisit(customer)));
        Supplier<Request> completions = AbortedWrites.prepared(PER_OPERATION, () -> completion(createFollowUp(customer)));
        Map<ApiOperation, Supplier<Request>> cases = Map.of(
                new ApiOperation("POST", "/api/v1/visits"), () -> logVisitRequest(customer),
                new ApiOperation("PATCH", "/api/v1/visits/{id}"), corrections,
                new ApiOperation("POST", "/api/v1/follow-ups"), () -> createFollowUpRequest(customer),
                new ApiOperation("POST", "/api/v1/follow-ups/{id}/complete"), completions,
                new ApiOperation("PUT", "/api/v1/visit-plans/{date}"), () -> planRequest(customer, other));

        AbortedWrites.Outcome outcome =
                AbortedWrites.hangUpOnEveryWrite("visit-service", base, db, poolSize, cases, ABORTED_WRITES);

        assertThat(outcome.stuckConnections()).as("connections never given back").isZero();
        logVisit(customer);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(unsentEvents()) == 0);
        assertThat(count(rowsOutOfStepWithTheirEvents("visit"))).as("visits out of step with their events").isZero();
        assertThat(count(rowsOutOfStepWithTheirEvents("follow_up"))).as("follow-ups out of step with their events").isZero();
        assertThat(count(eventsWithoutTheirRow("visit", "crm.visit."))).as("visit events without a visit").isZero();
        assertThat(count(eventsWithoutTheirRow("follow_up", "crm.follow-up."))).as("follow-up events without one").isZero();
        assertThat(count("SELECT count(*) FROM visit v WHERE follow_up_id IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.id = v.follow_up_id)"))
                .as("visits whose next action's follow-up is missing").isZero();
    }

    /** The wedge was found this way: load runs whose generator drops what is in flight when it stops. */
    @Test
    void fiveLoadRunsThatDropTheirLastRequestsLeaveTheServiceServingAsBefore() throws Exception {
        UUID customer = customerOf(db, "rep-east-1", "east");
        for (int run = 1; run <= 5; run++) {
            DroppingLoadRun.Figures figures = new DroppingLoadRun(base, 16).run(() -> logVisitRequest(customer),
                    Duration.ofSeconds(3));
            int stuck = AbortedWrites.stuckConnections(db, poolSize);
            System.out.printf("visit-service load run %d of 5, in-flight requests dropped at its end: %.0f req/s, "
                    + "%d answers, %d of them 2xx%n", run, figures.requestsPerSecond(), figures.answered(), figures.succeeded());
            assertThat(stuck).as("run %d: connections never given back", run).isZero();
            assertThat(figures.succeeded()).as("run %d: every answer a success", run).isEqualTo(figures.answered());
            assertThat(figures.answered()).as("run %d served requests", run).isPositive();
        }
    }

    private static ExtractableResponse<Response> logVisit(UUID customer) {
        return as(REP_EAST_1).body(Map.of("customerId", customer.toString(), "method", "PHONE",
                        "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "summary", "初次电话"))
                .post("/api/v1/visits").then().statusCode(201).extract();
    }

    private static Request correction(ExtractableResponse<Response> visit) {
        return new Request("PATCH", "/api/v1/visits/" + visit.path("id"), "{\"summary\":\"更正：约了现场演示\"}",
                Map.of("Authorization", AUTH.get("Authorization"), "If-Match", String.valueOf((Integer) visit.path("version"))));
    }

    private static ExtractableResponse<Response> createFollowUp(UUID customer) {
        return as(REP_EAST_1).body(Map.of("customerId", customer.toString(), "action", "寄样品",
                "dueOn", today().plusDays(1).toString())).post("/api/v1/follow-ups").then().statusCode(201).extract();
    }

    private static Request completion(ExtractableResponse<Response> followUp) {
        return new Request("POST", "/api/v1/follow-ups/" + followUp.path("id") + "/complete", "{\"result\":\"已寄出\"}", AUTH);
    }

    private static Request logVisitRequest(UUID customer) {
        String body = """
                {"customerId":"%s","clientId":"%s","method":"ONSITE","occurredAt":"%s","summary":"谈了二期方案",
                 "nextAction":{"action":"发报价","dueOn":"%s"}}""".formatted(customer, UUID.randomUUID(),
                Instant.now().minus(1, ChronoUnit.HOURS), today().plusDays(3));
        return new Request("POST", "/api/v1/visits", body, AUTH);
    }

    private static Request createFollowUpRequest(UUID customer) {
        String body = "{\"customerId\":\"%s\",\"action\":\"回访\",\"dueOn\":\"%s\"}".formatted(customer, today().plusDays(2));
        return new Request("POST", "/api/v1/follow-ups", body, AUTH);
    }

    private static Request planRequest(UUID first, UUID second) {
        LocalDate day = today().plusDays(ThreadLocalRandom.current().nextInt(1, 30));
        return new Request("PUT", "/api/v1/visit-plans/" + day,
                "{\"customerIds\":[\"%s\",\"%s\"]}".formatted(first, second), AUTH);
    }

    private long count(String sql) {
        return db.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
