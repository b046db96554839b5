package org.salescrm.customer.opportunity;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.salescrm.testsupport.TestTokens;

/** Calls the opportunity and key person tests share; every test uses fresh reps so no rate limit is shared. */
public final class Funnel {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Funnel() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A rep of the team with an id of their own. */
    public static String newRep(String team) {
        return TestTokens.rep("rep-" + UUID.randomUUID(), team);
    }

    public static String newManager(String team) {
        return TestTokens.manager("mgr-" + UUID.randomUUID(), team);
    }

    public static String customer(String token) {
        return as(token).body(Map.of("name", "漏斗客户" + UUID.randomUUID())).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    public static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(SHANGHAI).toInstant();
    }

    public static Map<String, Object> opportunityBody(String customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("name", "ERP 项目 " + UUID.randomUUID().toString().substring(0, 6));
        body.put("amount", 120000);
        body.put("expectedCloseDate", today().plusDays(60).toString());
        return body;
    }

    public static Map<String, Object> opportunityBodyOpenedOn(String customerId, LocalDate openedOn) {
        Map<String, Object> body = opportunityBody(customerId);
        body.put("openedOn", openedOn.toString());
        return body;
    }

    public static String open(String token, String customerId) {
        return open(token, opportunityBody(customerId));
    }

    public static String open(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/opportunities").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse move(String token, String id, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/opportunities/" + id + "/stage").then();
    }

    public static ValidatableResponse patch(String token, String id, Map<String, Object> body) {
        int version = as(token).get("/api/v1/opportunities/" + id).then().statusCode(200).extract().path("version");
        return as(token).header("If-Match", String.valueOf(version)).body(body)
                .patch("/api/v1/opportunities/" + id).then();
    }

    public static String keyPerson(String token, String customerId, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/customers/" + customerId + "/key-persons")
                .then().statusCode(201).extract().path("id");
    }

    public static String decisionMaker(String token, String customerId) {
        return keyPerson(token, customerId, Map.of("name", "王总", "kpType", "DECISION_MAKER"));
    }

    /** Everything every gate asks for, so a move can go as far as WON. */
    public static void giveAllEvidence(String token, String customerId, String id) {
        decisionMaker(token, customerId);
        patch(token, id, Map.of("budget", 100000, "quoteAmount", 118000,
                "contractSignedOn", today().toString(), "firstPaymentOn", today().toString())).statusCode(200);
    }
}
