package org.salescrm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TestTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void repTokenCarriesUserTeamAndRoleInBothRoleClaims() throws Exception {
        Map<String, Object> claims = payload(TestTokens.rep("rep-east-1", "east"));

        assertThat(claims).containsEntry("sub", "rep-east-1")
                .containsEntry("preferred_username", "rep-east-1")
                .containsEntry("team", "east")
                .containsEntry("groups", List.of("rep"))
                .containsEntry("realm_access", Map.of("roles", List.of("rep")))
                .containsEntry("iss", TestTokens.ISSUER)
                .doesNotContainKey("teams");
        assertThat(((Number) claims.get("exp")).longValue()).isGreaterThan(Instant.parse("2099-01-01T00:00:00Z").getEpochSecond());
    }

    @Test
    void managerTokenListsEveryManagedTeam() throws Exception {
        Map<String, Object> claims = payload(TestTokens.manager("mgr-east", "east", "north"));

        assertThat(claims).containsEntry("team", "east")
                .containsEntry("teams", List.of("east", "north"))
                .containsEntry("groups", List.of("manager"));
    }

    @Test
    void adminTokenHasNoTeam() throws Exception {
        Map<String, Object> claims = payload(TestTokens.admin("admin"));

        assertThat(claims).containsEntry("groups", List.of("admin")).doesNotContainKeys("team", "teams");
    }

    @Test
    void tokenIsSignedRs256WithTheCommittedTestKey() throws Exception {
        String[] parts = TestTokens.token("u", "west", List.of("rep", "manager"), List.of("west")).split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(TestTokens.publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

        assertThat(decode(parts[0])).containsEntry("alg", "RS256");
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    private static Map<String, Object> payload(String token) throws Exception {
        return decode(token.split("\\.")[1]);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decode(String part) throws Exception {
        return JSON.readValue(Base64.getUrlDecoder().decode(part), Map.class);
    }
}
