package org.salescrm.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.ServiceProcess;
import org.salescrm.embedded.SharedPostgres;
import org.salescrm.testsupport.TestTokens;

/**
 * The walking skeleton: a customer created in customer-service reaches analytics-service through Kafka, once, even
 * when analytics crashes while customers arrive. The other faults (more crashes, broker and database restarts, the
 * producer killed) are in the opt-in {@link FaultInjectionIT}.
 */
class CustomerToAnalyticsIT {

    /**
     * After a SIGKILL the broker gives the dead consumer's partitions to no one until its session expires (45 s by
     * default): a short session lets the restarted instance take them over sooner, so the crash case costs the suite
     * seconds, not a minute. 6 s is the broker's least allowed session.
     */
    static final Map<String, String> QUICK_FAILOVER = Map.of(
            "mp.messaging.connector.smallrye-kafka.session.timeout.ms", "6000",
            "mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms", "1000");

    static ServiceProcess customers;
    static ServiceProcess analytics;

    @BeforeAll
    static void startServices() {
        customers = RunningServices.start("customer-service", "customer");
        analytics = RunningServices.start("analytics-service", "analytics", QUICK_FAILOVER);
    }

    @AfterAll
    static void stopServices() {
        analytics.close();
        customers.close();
    }

    @Test
    void customerCreatedInCustomerServiceIsRecordedOnceByAnalytics() throws SQLException {
        String rep = "rep-" + UUID.randomUUID();
        String id = given().baseUri(customers.baseUrl()).auth().oauth2(TestTokens.rep(rep, "east"))
                .contentType(ContentType.JSON).body(Map.of("name", "杭州云杉科技有限公司" + rep, "grade", "A"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> customerFacts(id) == 1);
        // Held for a while: a second delivery arriving late would show here.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> newCustomersOf(rep) == 1);
    }

    @Test
    void analyticsKilledWhileCustomersArriveCountsEachOfThemOnce() throws Exception {
        CustomerTraffic traffic = new CustomerTraffic(customers.baseUrl());
        try (traffic) {
            traffic.start(Duration.ofMillis(100));
            await().atMost(Duration.ofSeconds(30)).until(() -> traffic.countedByAnalytics() >= 10);
            analytics.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> traffic.answered() >= traffic.countedByAnalytics() + 10);
            analytics.start();
        }

        CustomerTraffic.Counts counts = traffic.settle(Duration.ofSeconds(60));
        System.out.println("analytics killed (SIGKILL) once while customers arrived: " + counts);
        assertThat(counts.answeredButMissing()).as("answered creates without their customer").isZero();
        assertThat(counts.unsentEvents()).as("events committed but never published").isZero();
        assertThat(counts.countedByAnalytics()).as("customers analytics counted").isEqualTo(counts.inSource());
    }

    @Test
    void servicesRefuseCallsWithoutAToken() {
        given().baseUri(customers.baseUrl()).get("/api/v1/customers").then().statusCode(401);
    }

    private static int customerFacts(String customerId) throws SQLException {
        return queryInt("SELECT count(*) FROM customer_fact WHERE customer_id = ?::uuid", customerId);
    }

    private static int newCustomersOf(String rep) throws SQLException {
        return queryInt("SELECT coalesce(sum(new_customers), 0) FROM rep_activity WHERE owner_id = ?", rep);
    }

    private static int queryInt(String sql, String parameter) throws SQLException {
        try (Connection db = DriverManager.getConnection(SharedPostgres.jdbcUrl("analytics"),
                SharedPostgres.username(), SharedPostgres.password());
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
