package org.salescrm.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes quarkus-oidc verify {@link TestTokens} locally, with the committed test-only public key and no OIDC server.
 * <p>
 * quarkus-oidc uses a configured public key only when no {@code quarkus.oidc.auth-server-url} is set, so this
 * resource blanks the application's server URL (an empty value counts as unset) for the test run.
 * <p>
 * {@code @QuarkusTestResource(OidcTestResource.class)}.
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", TestTokens.publicKeyBase64(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // Nothing runs: the key is all there is.
    }
}
