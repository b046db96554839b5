package org.salescrm.goal;

import static io.restassured.RestAssured.given;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Calls to this service's API as clients make them. */
public final class Api {

    /** Numbers read as BigDecimal, so money and ratios compare exactly. */
    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().config(EXACT_NUMBERS).auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> goal(String period, String metric, String level, String scopeId,
                                           Object target, String parentId) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("level", level);
        if (scopeId != null) {
            scope.put("id", scopeId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", period);
        body.put("metric", metric);
        body.put("scope", scope);
        body.put("target", target);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return body;
    }

    /** The goal's scope with its team, for a rep this service has not yet seen in an event. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withTeam(Map<String, Object> goal, String team) {
        ((Map<String, Object>) goal.get("scope")).put("team", team);
        return goal;
    }

    /** Sets a goal and answers its id. */
    public static String setGoal(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/goals").then().statusCode(201).extract().path("id");
    }

    public static BigDecimal actual(String token, String goalId) {
        Object actual = as(token).get("/api/v1/goals/{id}/progress", goalId).then().statusCode(200)
                .extract().path("actual");
        return new BigDecimal(actual.toString());
    }

    /** A JSON number equal in value to {@code expected}, whether it came as 92, 92.0 or 92.00. */
    public static Matcher<Object> number(String expected) {
        BigDecimal value = new BigDecimal(expected);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof Number && new BigDecimal(item.toString()).compareTo(value) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a number equal to ").appendValue(value);
            }
        };
    }
}
