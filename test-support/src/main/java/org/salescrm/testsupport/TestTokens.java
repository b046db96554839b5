package org.salescrm.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens for tests, shaped like the realm's tokens (roles, team, a manager's teams) and signed with a
 * test-only RSA key committed in this module, so that a service verifies them with the real quarkus-oidc and no
 * OIDC server ({@link OidcTestResource} gives it the matching public key and issuer).
 * <p>
 * The key is public knowledge: a service must never trust it outside tests.
 */
public final class TestTokens {

    /** The issuer every test token carries; no server answers there ({@code .invalid} never resolves). */
    /** The client the services accept tokens for ({@code quarkus.oidc.token.audience}). */
    public static final String AUDIENCE = "crm-api";
    public static final String ISSUER = "https://test-only.salescrm.invalid/realms/crm";
    // Long enough for any test run; a token minted at class load must not expire mid-suite.
    /** Fixed times make every token for one user the same, whatever the clock of a test that replays history. */
    private static final Instant ISSUED_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2099-12-31T23:59:59Z");
    private static final String PRIVATE_KEY = "test-only-jwt-private-key.pem";
    private static final String PUBLIC_KEY = "test-only-jwt-public-key.pem";
    private static final String KEY_ID = "salescrm-test-only";

    private TestTokens() {
    }

    /** A sales rep in one team. */
    public static String rep(String user, String team) {
        return token(user, team, List.of("rep"), List.of());
    }

    /** A manager whose own team is {@code team} and who manages it and any further teams. */
    public static String manager(String user, String team, String... moreTeams) {
        List<String> teams = new ArrayList<>(List.of(team));
        teams.addAll(List.of(moreTeams));
        return token(user, team, List.of("manager"), teams);
    }

    /** An administrator, in no team. */
    public static String admin(String user) {
        return token(user, null, List.of("admin"), List.of());
    }

    /**
     * A token for any combination. {@code team} may be null (no {@code team} claim); an empty {@code teams} leaves
     * the {@code teams} claim out, so only users who manage teams carry one.
     */
    public static String token(String user, String team, List<String> roles, List<String> teams) {
        return sign(claims(user, team, roles, teams), EXPIRES_AT);
    }

    /** A rep's token that expires at {@code expiresAt}: for tests of what happens when it does. */
    public static String repUntil(String user, String team, Instant expiresAt) {
        return sign(claims(user, team, List.of("rep"), List.of()), expiresAt);
    }

    /** A rep's token issued for another client of the realm, which the services must refuse. */
    public static String forAnotherClient(String user, String team) {
        Map<String, Object> claims = claims(user, team, List.of("rep"), List.of());
        claims.put("aud", "some-other-client");
        return sign(claims, EXPIRES_AT);
    }

    private static String sign(Map<String, Object> claims, Instant expiresAt) {
        return Jwt.claims(claims).issuer(ISSUER).issuedAt(ISSUED_AT).expiresAt(expiresAt)
                .jws().keyId(KEY_ID).algorithm(SignatureAlgorithm.RS256).sign(privateKey());
    }

    /** The verification key, base64 DER without PEM armour: the form {@code quarkus.oidc.public-key} takes. */
    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey().getEncoded());
    }

    public static PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(PUBLIC_KEY)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> claims(String user, String team, List<String> roles, List<String> teams) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user);
        claims.put("aud", AUDIENCE);
        claims.put("preferred_username", user);
        // Quarkus reads roles from "groups"; Keycloak puts realm roles under realm_access.roles. Both, like the realm.
        claims.put("groups", List.copyOf(roles));
        claims.put("realm_access", Map.of("roles", List.copyOf(roles)));
        if (team != null) {
            claims.put("team", team);
        }
        if (!teams.isEmpty()) {
            claims.put("teams", List.copyOf(teams));
        }
        return claims;
    }

    // Package-private for the tests that forge tokens the service must refuse.
    static PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(PRIVATE_KEY)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pemBody(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " next to " + TestTokens.class);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
