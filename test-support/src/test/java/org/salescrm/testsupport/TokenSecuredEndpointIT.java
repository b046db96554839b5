package org.salescrm.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = KafkaTestResource.TOPICS, value = "test-support.pings"))
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "customer"))
class TokenSecuredEndpointIT {

    @Test
    void callerWithoutTokenIsUnauthorized() {
        given().when().get("/api/v1/caller").then().statusCode(401);
    }

    @Test
    void repTokenIsAcceptedAndItsClaimsReachTheService() {
        given().auth().oauth2(TestTokens.rep("rep-east-1", "east"))
                .when().get("/api/v1/caller")
                .then().statusCode(200)
                .body("user", equalTo("rep-east-1"))
                .body("team", equalTo("east"))
                .body("roles", contains("rep"));
    }

    @Test
    void managerTokenCarriesItsTeams() {
        given().auth().oauth2(TestTokens.manager("mgr-east", "east", "north"))
                .when().get("/api/v1/caller")
                .then().statusCode(200)
                .body("teams", equalTo("[\"east\",\"north\"]"))
                .body("roles", contains("manager"));
    }

    @Test
    void rolesFromTheTokenDriveRolesAllowed() {
        given().auth().oauth2(TestTokens.rep("rep-east-1", "east"))
                .when().get("/api/v1/caller/team-report").then().statusCode(403);
        given().auth().oauth2(TestTokens.manager("mgr-east", "east"))
                .when().get("/api/v1/caller/team-report").then().statusCode(200);
        given().auth().oauth2(TestTokens.admin("admin"))
                .when().get("/api/v1/caller/team-report").then().statusCode(200);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.claims(Map.of("sub", "intruder", "groups", List.of("admin")))
                .issuer(TestTokens.ISSUER)
                .expiresAt(Instant.parse("2099-01-01T00:00:00Z"))
                .sign(generator.generateKeyPair().getPrivate());

        given().auth().oauth2(forged).when().get("/api/v1/caller").then().statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() throws Exception {
        String otherIssuer = Jwt.claims(Map.of("sub", "rep-east-1", "groups", List.of("rep")))
                .issuer("https://elsewhere.invalid")
                .expiresAt(Instant.parse("2099-01-01T00:00:00Z"))
                .sign(TestTokens.privateKey());

        given().auth().oauth2(otherIssuer).when().get("/api/v1/caller").then().statusCode(401);
    }
}
