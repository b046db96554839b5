package org.salescrm.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/**
 * What the web app at http://localhost:8080 needs from a service it calls from the browser: its
 * preflights pass with every header it sends, and its scripts may read the headers it relies on.
 * A service's test extends it as a {@code @QuarkusTest} and names one of its list endpoints.
 */
public abstract class CorsContract {

    static final String WEB_APP = "http://localhost:8080";
    static final List<String> REQUEST_HEADERS =
            List.of("authorization", "content-type", "if-match", "idempotency-key", "last-event-id", "accept-language");

    /** A path under /api/v1 that answers GET with 200 to an admin. */
    protected abstract String listPath();

    @Test
    void preflightFromTheWebAppAllowsEveryHeaderItSends() {
        preflight(WEB_APP, "PUT").statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(WEB_APP))
                .header("Access-Control-Allow-Headers", listing(REQUEST_HEADERS.toArray(String[]::new)));
    }

    @Test
    void theWebAppUnderItsLoopbackAddressIsAllowedToo() {
        preflight("http://127.0.0.1:8080", "POST").statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://127.0.0.1:8080"));
    }

    @Test
    void answersToTheWebAppLetItReadEtagLocationAndRetryAfter() {
        given().auth().oauth2(TestTokens.admin("cors-admin")).header("Origin", WEB_APP)
                .get(listPath())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(WEB_APP))
                .header("Access-Control-Expose-Headers", listing("etag", "location", "retry-after"));
    }

    @Test
    void anOriginNotConfiguredIsNotAllowed() {
        preflight("http://elsewhere.invalid", "PUT").header("Access-Control-Allow-Origin", nullValue());
    }

    private ValidatableResponse preflight(String origin, String method) {
        return given().header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", String.join(",", REQUEST_HEADERS))
                .options(listPath())
                .then();
    }

    /** A comma-separated header value naming at least these, in any case and order. */
    private static Matcher<String> listing(String... names) {
        return new FeatureMatcher<String, List<String>>(hasItems(names), "a header list naming", "names") {
            @Override
            protected List<String> featureValueOf(String value) {
                return value == null ? List.of()
                        : Arrays.stream(value.split(",")).map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            }
        };
    }
}
