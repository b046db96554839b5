package org.salescrm.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.testsupport.TestTokens;

/**
 * The realm file that the local stack, compose and Kubernetes all import: users, roles and claims as API.md says,
 * shaped like the test tokens the services are tested with (test-support's TestTokens).
 */
class RealmFileTest {

    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        Layout layout = new Layout(Path.of(System.getProperty("crm.root", "..")));
        realm = new ObjectMapper().readTree(layout.realmFile().toFile());
    }

    @Test
    void realmCrmWithTheThreeRoles() {
        assertThat(realm.path("realm").asText()).isEqualTo("crm");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(texts(realm.path("roles").path("realm"), "name")).containsExactlyInAnyOrder("rep", "manager", "admin");
    }

    @Test
    void theDemoUsersOfTheApiContractWithFixedIdsAndPasswordDemo() {
        assertThat(texts(realm.path("users"), "username")).containsExactlyElementsOf(DemoUsers.USERNAMES);
        for (JsonNode user : realm.path("users")) {
            assertThat(user.path("id").asText()).as("id = username, so sub reads well").isEqualTo(user.path("username").asText());
            assertThat(user.path("enabled").asBoolean()).isTrue();
            JsonNode credential = user.path("credentials").get(0);
            assertThat(credential.path("type").asText()).isEqualTo("password");
            assertThat(credential.path("value").asText()).isEqualTo(DemoUsers.PASSWORD);
            assertThat(credential.path("temporary").asBoolean()).isFalse();
        }
        assertUser("admin", "admin", null, List.of());
        assertUser("mgr-east", "manager", "east", List.of("east"));
        assertUser("mgr-west", "manager", "west", List.of("west"));
        assertUser("director", "manager", "hq", List.of("hq"));
        assertUser("rep-east-1", "rep", "east", List.of());
        assertUser("rep-east-2", "rep", "east", List.of());
        assertUser("rep-west-1", "rep", "west", List.of());
    }

    @Test
    void theUserProfileKeepsTheTeamAttributes() throws IOException {
        JsonNode provider = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        JsonNode profile = new ObjectMapper().readTree(provider.path("config").path("kc.user.profile.config").get(0).asText());
        // Keycloak drops user attributes its user profile does not declare.
        assertThat(texts(profile.path("attributes"), "name")).contains("username", "email", "team", "teams");
    }

    @Test
    void theWebClientIsPublicWithAuthorizationCodeAndPkce() {
        JsonNode web = client("crm-web");
        assertThat(web.path("publicClient").asBoolean()).isTrue();
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(strings(web.path("redirectUris"))).contains("http://localhost:3000/*", "http://localhost:5173/*");
    }

    @Test
    void theWebAppOnPort8080MayLogInAndOutAndCallTheTokenEndpoint() {
        JsonNode web = client("crm-web");
        List<String> apps = List.of("http://localhost:8080", "http://127.0.0.1:8080");
        assertThat(strings(web.path("redirectUris"))).containsAll(apps.stream().map(app -> app + "/*").toList());
        // Keycloak keeps post-logout redirect URIs as one attribute, separated by ##.
        assertThat(web.path("attributes").path("post.logout.redirect.uris").asText().split("##"))
                .contains(apps.stream().map(app -> app + "/*").toArray(String[]::new));
        // The browser fetches the token endpoint cross-origin (code exchange, silent renewal).
        assertThat(strings(web.path("webOrigins"))).containsAll(apps);
    }

    @Test
    void eachServicesSwaggerUiMayLogInWithTheWebClient() {
        JsonNode web = client("crm-web");
        // platform's quarkus.swagger-ui.oauth2-redirect-url: the Swagger UI of each local service signs in as crm-web.
        for (Components.Service service : Components.SERVICES) {
            assertThat(strings(web.path("redirectUris"))).contains(service.baseUrl() + "/q/swagger-ui/oauth2-redirect.html");
            assertThat(strings(web.path("webOrigins"))).contains(service.baseUrl());
        }
    }

    @Test
    void theLoginPageSpeaksEnglishAndChinese() {
        assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(strings(realm.path("supportedLocales"))).containsExactlyInAnyOrder("en", "zh-CN");
        assertThat(realm.path("defaultLocale").asText()).isEqualTo("en");
    }

    @Test
    void theCliClientGivesTokensForAPassword() {
        JsonNode cli = client(Keycloak.CLI_CLIENT);
        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void theApiClientIsOnlyAnAudience() {
        JsonNode api = client(TestTokens.AUDIENCE);
        assertThat(api.path("bearerOnly").asBoolean()).isTrue();
        assertThat(api.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(api.path("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void tokensOfBothClientsCarryTheClaimsTheServicesRead() {
        for (String clientId : List.of("crm-web", Keycloak.CLI_CLIENT)) {
            Map<String, JsonNode> mappers = new java.util.HashMap<>();
            client(clientId).path("protocolMappers").forEach(mapper -> mappers.put(mapper.path("protocolMapper").asText()
                    + ":" + mapper.path("config").path("claim.name").asText(mapper.path("name").asText()), mapper));

            JsonNode audience = mappers.get("oidc-audience-mapper:crm-api audience");
            assertThat(audience).as(clientId + " audience mapper").isNotNull();
            assertThat(audience.path("config").path("included.client.audience").asText()).isEqualTo(TestTokens.AUDIENCE);
            assertInAccessToken(audience);

            JsonNode team = mappers.get("oidc-usermodel-attribute-mapper:team");
            assertThat(team.path("config").path("user.attribute").asText()).isEqualTo("team");
            assertThat(team.path("config").path("multivalued").asText()).isEqualTo("false");
            assertInAccessToken(team);

            JsonNode teams = mappers.get("oidc-usermodel-attribute-mapper:teams");
            assertThat(teams.path("config").path("user.attribute").asText()).isEqualTo("teams");
            assertThat(teams.path("config").path("multivalued").asText()).isEqualTo("true");
            assertInAccessToken(teams);

            // Quarkus reads roles from "groups" first; Keycloak's own realm_access.roles comes with the default scopes.
            JsonNode groups = mappers.get("oidc-usermodel-realm-role-mapper:groups");
            assertThat(groups.path("config").path("multivalued").asText()).isEqualTo("true");
            assertInAccessToken(groups);
        }
    }

    private static void assertInAccessToken(JsonNode mapper) {
        // Keycloak's key is access.token.claim: a mapper without it adds nothing to the access token.
        assertThat(mapper.path("config").path("access.token.claim").asText()).as(mapper.path("name").asText()).isEqualTo("true");
    }

    private static void assertUser(String username, String role, String team, List<String> teams) {
        JsonNode user = StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(candidate -> candidate.path("username").asText().equals(username)).findFirst().orElseThrow();
        assertThat(strings(user.path("realmRoles"))).as(username).contains(role)
                .doesNotContainAnyElementsOf(List.of("rep", "manager", "admin").stream().filter(r -> !r.equals(role)).toList());
        JsonNode attributes = user.path("attributes");
        if (team == null) {
            assertThat(attributes.has("team")).as(username + " has no team").isFalse();
        } else {
            assertThat(strings(attributes.path("team"))).as(username).containsExactly(team);
        }
        assertThat(strings(attributes.path("teams"))).as(username + " manages").containsExactlyElementsOf(teams);
    }

    private static JsonNode client(String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> client.path("clientId").asText().equals(clientId)).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
