package org.salescrm.customer.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.testsupport.Concurrently;
import org.salescrm.testsupport.TestTokens;

/**
 * A token the service has verified once is not verified again while it lives (platform's VerifiedTokens), and
 * that must change nothing a caller can see: it still expires on time, only its very bytes are trusted, and each
 * request is still its own caller's.
 */
@QuarkusTest
class VerifiedTokensIT {

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItHasExpired() {
        Instant expiry = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        String token = TestTokens.repUntil("rep-expiring-" + suffix(), "east", expiry);
        String customer = createAs(token);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/customers/" + customer).then().statusCode(200);
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));

        given().auth().oauth2(token).get("/api/v1/customers/" + customer).then().statusCode(401);
    }

    @Test
    void aTokenDifferingFromAnAcceptedOneOnlyInItsSignatureIsRefused() {
        String token = TestTokens.rep("rep-signed-" + suffix(), "east");
        String customer = createAs(token);
        given().auth().oauth2(token).get("/api/v1/customers/" + customer).then().statusCode(200);

        String otherSignature = token.substring(0, token.lastIndexOf('.') + 1) + flipped(token.substring(token.lastIndexOf('.') + 1));

        given().auth().oauth2(otherSignature).get("/api/v1/customers/" + customer).then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/customers/" + customer).then().statusCode(200);
    }

    @Test
    void callersAskingAtOnceEachGetTheirOwnAnswer() throws Exception {
        String owner = TestTokens.rep("rep-owner-" + suffix(), "east");
        String outsider = TestTokens.rep("rep-outsider-" + suffix(), "west");
        String customer = createAs(owner);

        List<Integer> statuses = Concurrently.run(40, () -> List.of(
                given().auth().oauth2(owner).get("/api/v1/customers/" + customer).statusCode(),
                given().auth().oauth2(outsider).get("/api/v1/customers/" + customer).statusCode()))
                .stream().flatMap(List::stream).toList();

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.addAll(List.of(200, 404));
        }
        assertThat(statuses).isEqualTo(expected);
    }

    private static String createAs(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "杭州西湖茶业" + suffix()))
                .post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The signature with its first character changed to another of base64url's alphabet. */
    private static String flipped(String signature) {
        char first = signature.charAt(0);
        return (first == 'A' ? 'B' : 'A') + signature.substring(1);
    }
}
