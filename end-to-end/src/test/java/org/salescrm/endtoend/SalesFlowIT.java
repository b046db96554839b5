package org.salescrm.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.ServiceProcess;
import org.salescrm.testsupport.TestTokens;

/**
 * A rep's day across the four services, through the real broker and public REST calls only: the
 * services must agree on the event contracts (crm.customers, crm.visits, crm.opportunities) for
 * each step to show up in the next service.
 */
class SalesFlowIT {

    private static final String REP = "rep-east-1";
    private static final String TEAM = "east";
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    static ServiceProcess customers;
    static ServiceProcess visits;
    static ServiceProcess targets;
    static ServiceProcess analytics;

    @BeforeAll
    static void startServices() {
        // Started side by side: each waits on its own readiness, the JVM start-ups overlap.
        ExecutorService starters = Executors.newFixedThreadPool(4);
        CompletableFuture<ServiceProcess> c = startAsync("customer-service", "flow_customer", starters);
        CompletableFuture<ServiceProcess> v = startAsync("visit-service", "flow_visit", starters);
        CompletableFuture<ServiceProcess> t = startAsync("target-service", "flow_target", starters);
        CompletableFuture<ServiceProcess> a = startAsync("analytics-service", "flow_analytics", starters);
        CompletableFuture.allOf(c, v, t, a).exceptionally(failure -> null).join();
        starters.shutdown();
        customers = startedOrNull(c);
        visits = startedOrNull(v);
        targets = startedOrNull(t);
        analytics = startedOrNull(a);
        // Surfaces the first start-up failure (after the others were kept for closing).
        CompletableFuture.allOf(c, v, t, a).join();
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess service : new ServiceProcess[] {analytics, targets, visits, customers}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void aVisitLoggedForANewCustomerBecomesItsLastContact() {
        String customerId = createCustomer("宁波海曙远帆贸易有限公司");
        Instant occurredAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> visit = Map.of("customerId", customerId, "method", "PHONE",
                "occurredAt", occurredAt.toString(), "summary", "电话沟通了明年的采购计划");

        // crm.customers -> visit-service: until it has the customer, the visit is refused as unavailable.
        Response[] logged = new Response[1];
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(300)).until(() -> {
            logged[0] = as(repToken()).body(visit).post(visits.baseUrl() + "/api/v1/visits");
            if (logged[0].statusCode() == 422) {
                assertThat(logged[0].jsonPath().getString("type")).endsWith("customer-unavailable");
                return false;
            }
            return true;
        });
        logged[0].then().statusCode(201);
        Instant visitOccurredAt = Instant.parse(logged[0].jsonPath().getString("occurredAt"));
        assertThat(visitOccurredAt).isEqualTo(occurredAt);

        // crm.visits -> customer-service: the visit's business time becomes the customer's last contact.
        await().atMost(PROPAGATION).untilAsserted(() -> {
            String lastContactAt = as(repToken()).get(customers.baseUrl() + "/api/v1/customers/" + customerId)
                    .then().statusCode(200).extract().path("lastContactAt");
            assertThat(lastContactAt).isNotNull();
            assertThat(Instant.parse(lastContactAt)).isEqualTo(visitOccurredAt);
        });
    }

    @Test
    void aWonDealCountsTowardsTheRepsRevenueGoalAndTheTeamsFunnel() {
        String customerId = createCustomer("苏州工业园区澄湖精密机械有限公司");
        as(repToken()).body(Map.of("name", "王建国", "title", "总经理", "kpType", "DECISION_MAKER"))
                .post(customers.baseUrl() + "/api/v1/customers/" + customerId + "/key-persons")
                .then().statusCode(201);

        LocalDate today = LocalDate.now(BUSINESS_ZONE);
        BigDecimal amount = new BigDecimal("380000.00");
        Response opened = as(repToken()).body(Map.of("customerId", customerId, "name", "二期产线自动化改造",
                        "amount", amount, "expectedCloseDate", today.plusDays(30).toString()))
                .post(customers.baseUrl() + "/api/v1/opportunities");
        opened.then().statusCode(201);
        String opportunityId = opened.jsonPath().getString("id");
        int version = opened.jsonPath().getInt("version");

        as(repToken()).header("If-Match", String.valueOf(version))
                .body(Map.of("budget", new BigDecimal("400000"), "quoteAmount", amount,
                        "contractSignedOn", today.toString(), "firstPaymentOn", today.toString()))
                .patch(customers.baseUrl() + "/api/v1/opportunities/" + opportunityId)
                .then().statusCode(200);
        as(repToken()).body(Map.of("stage", "WON"))
                .post(customers.baseUrl() + "/api/v1/opportunities/" + opportunityId + "/stage")
                .then().statusCode(200);

        String goalId = as(TestTokens.admin("admin")).body(Map.of("period", quarterOf(today), "metric", "REVENUE",
                        "scope", Map.of("level", "REP", "id", REP), "target", new BigDecimal("1000000")))
                .post(targets.baseUrl() + "/api/v1/goals")
                .then().statusCode(201).extract().path("id");

        // crm.opportunities -> target-service: OpportunityWon counts the deal's amount for the rep's quarter.
        await().atMost(PROPAGATION).untilAsserted(() -> {
            String actual = as(TestTokens.admin("admin")).get(targets.baseUrl() + "/api/v1/goals/" + goalId + "/progress")
                    .then().statusCode(200).extract().jsonPath().getString("actual");
            assertThat(new BigDecimal(actual)).isEqualByComparingTo(amount);
        });

        // crm.opportunities -> analytics-service: the manager's funnel counts the won deal.
        await().atMost(PROPAGATION).untilAsserted(() -> {
            int won = as(TestTokens.manager("mgr-east", TEAM)).get(analytics.baseUrl() + "/api/v1/reports/funnel")
                    .then().statusCode(200).extract().jsonPath().getInt("won");
            assertThat(won).isGreaterThanOrEqualTo(1);
        });
    }

    private static String createCustomer(String name) {
        return as(repToken()).body(Map.of("name", name, "grade", "A"))
                .post(customers.baseUrl() + "/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    /** The quarter as target-service names periods, for the business date (Asia/Shanghai). */
    private static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
    }

    private static String repToken() {
        return TestTokens.rep(REP, TEAM);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static ServiceProcess startedOrNull(CompletableFuture<ServiceProcess> start) {
        return start.isCompletedExceptionally() ? null : start.join();
    }

    private static CompletableFuture<ServiceProcess> startAsync(String service, String database,
                                                                ExecutorService starters) {
        return CompletableFuture.supplyAsync(() -> RunningServices.start(service, database), starters);
    }
}
