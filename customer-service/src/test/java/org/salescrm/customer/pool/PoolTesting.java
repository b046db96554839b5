package org.salescrm.customer.pool;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.customer.TestClock;

/** Helpers the pool tests share: fresh users, customers, and opportunities written straight to the table. */
final class PoolTesting {

    private PoolTesting() {
    }

    static String user(String role) {
        return role + "-" + UUID.randomUUID();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String create(String token, String name, String grade) {
        return as(token).body(Map.of("name", name + UUID.randomUUID().toString().substring(0, 8), "grade", grade))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    static void release(String token, String id, String reason) {
        as(token).body(Map.of("reason", reason)).post("/api/v1/customers/" + id + "/release")
                .then().statusCode(200);
    }

    /**
     * An open opportunity of the customer, written to the opportunity table as the funnel feature
     * keeps it; these tests are about the customer's owner, not about moving through stages.
     */
    static UUID openOpportunity(Pool db, String customerId, String stage, String ownerId, String ownerTeam) {
        UUID id = UUID.randomUUID();
        db.preparedQuery("""
                        INSERT INTO opportunity (id, customer_id, name, amount, currency, expected_close_date, opened_on,
                            stage, status, probability, stage_entered_at, owner_id, owner_team, created_by,
                            created_at, updated_at, version)
                        VALUES ($1, $2, '测试机会', 100000, 'CNY', $3, $4, $5, 'OPEN', 80, $6, $7, $8, $7, $6, $6, 0)""")
                .execute(Tuple.tuple(List.of(id, UUID.fromString(customerId), LocalDate.now().plusMonths(2),
                        LocalDate.now(), stage, TestClock.now().atOffset(ZoneOffset.UTC), ownerId, ownerTeam)))
                .await().indefinitely();
        return id;
    }

    static String opportunityOwner(Pool db, UUID id) {
        return db.preparedQuery("SELECT owner_id FROM opportunity WHERE id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next().getString(0);
    }
}
