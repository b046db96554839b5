package org.salescrm.endtoend;

import static io.restassured.RestAssured.given;
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
import org.salescrm.testsupport.ServiceProcess;
import org.salescrm.testsupport.SharedPostgres;
import org.salescrm.testsupport.TestTokens;

/** The walking skeleton: a customer created in customer-service reaches analytics-service through Kafka. */
class CustomerToAnalyticsIT {

    static ServiceProcess customers;
    static ServiceProcess analytics;

    @BeforeAll
    static void startServices() {
        customers = RunningServices.start("customer-service", "customer");
        analytics = RunningServices.start("analytics-service", "analytics");
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
