package org.salescrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    final AtomicLong nanos = new AtomicLong();
    final VerifiedTokens tokens = new VerifiedTokens(nanos::get);
    final VerifiedTokens.Keeper keeper = new VerifiedTokens.Keeper(tokens);

    @Test
    void aKeptTokenIsAnsweredWithItsIdentityUntilItExpires() {
        keeper.augment(identity("token-a", "rep-east-1", Instant.now().plusSeconds(60)), null).await().indefinitely();

        assertThat(answer("token-a", null).getPrincipal().getName()).isEqualTo("rep-east-1");
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(answer("token-a", null)).isNull();
    }

    @Test
    void onlyTheVeryTokenKeptIsAnswered() {
        keeper.augment(identity("token-a", "rep-east-1", Instant.now().plusSeconds(60)), null).await().indefinitely();

        assertThat(answer("token-b", null)).isNull();
        assertThat(answer("token-a ", null)).isNull();
        assertThat(answer("token-A", null)).isNull();
    }

    @Test
    void anExpiredIdentityIsNotKept() {
        keeper.augment(identity("token-a", "rep-east-1", Instant.now().minusSeconds(1)), null).await().indefinitely();

        assertThat(answer("token-a", null)).isNull();
    }

    @Test
    void theAnswerCarriesTheAskingRequestNotTheVerifyingOne() {
        RoutingContext verifying = request("verifying");
        RoutingContext asking = request("asking");
        SecurityIdentity verified = QuarkusSecurityIdentity.builder(
                        identity("token-a", "rep-east-1", Instant.now().plusSeconds(60)))
                .addAttribute(RoutingContext.class.getName(), verifying).build();
        keeper.augment(verified, null).await().indefinitely();

        SecurityIdentity answer = answer("token-a", asking);

        assertThat((Object) answer.getAttribute(RoutingContext.class.getName())).isSameAs(asking);
        assertThat(answer.getRoles()).containsExactly("rep");
    }

    private SecurityIdentity answer(String token, RoutingContext request) {
        TokenAuthenticationRequest authentication = new TokenAuthenticationRequest(new AccessTokenCredential(token));
        if (request != null) {
            HttpSecurityUtils.setRoutingContextAttribute(authentication, request);
        }
        return tokens.authenticate(authentication, null).await().indefinitely();
    }

    private static SecurityIdentity identity(String token, String user, Instant expiresAt) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt(user, expiresAt.getEpochSecond()))
                .addCredential(new AccessTokenCredential(token))
                .addRole("rep")
                .build();
    }

    /** A request that knows nothing: the test only needs to tell one from another. */
    private static RoutingContext request(String name) {
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class},
                (proxy, method, args) -> method.getName().equals("toString") ? name : null);
    }

    private record Jwt(String user, long exp) implements JsonWebToken {

        @Override
        public String getName() {
            return user;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claim) {
            return (T) switch (claim) {
                case "sub" -> user;
                case "exp" -> Long.valueOf(exp);
                default -> null;
            };
        }
    }
}
