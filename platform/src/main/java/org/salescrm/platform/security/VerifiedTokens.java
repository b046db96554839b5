package org.salescrm.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens quarkus-oidc has verified, each with the identity it made of it, until the token expires.
 * <p>
 * A client sends the same token on every request of its life (minutes), and checking its RS256 signature each
 * time was a sixth of a small read's CPU. Only the very string verified before is served from here: a token
 * differing in any byte (another signature, a changed claim) misses and goes to quarkus-oidc, and an entry leaves
 * when its token's {@code exp} passes, so nothing is accepted that quarkus-oidc would refuse, except a token
 * revoked at the issuer, which local verification never sees either.
 * <p>
 * As an identity provider it runs before quarkus-oidc's and answers from what it kept, or with nothing so that
 * quarkus-oidc verifies the token; its {@link Keeper} keeps each identity quarkus-oidc made.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    // A live token for each active user of a large sales organisation; past that the least used are verified again.
    static final int MAX_TOKENS = 1_000;

    private final Cache<String, Verified> byToken;

    @Inject
    public VerifiedTokens() {
        this(Ticker.systemTicker());
    }

    VerifiedTokens(Ticker ticker) {
        this.byToken = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.creating((String token, Verified verified) -> verified.lifeLeft()))
                .ticker(ticker)
                .build();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's provider, which keeps the default priority. */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Verified verified = request.getToken() instanceof AccessTokenCredential token
                ? byToken.getIfPresent(token.getToken()) : null;
        return verified == null
                ? Uni.createFrom().nullItem()
                : Uni.createFrom().item(verified.forRequest(HttpSecurityUtils.getRoutingContextAttribute(request)));
    }

    void keep(SecurityIdentity identity) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            Verified verified = new Verified(identity, jwt.getExpirationTime());
            if (verified.lifeLeft().compareTo(Duration.ZERO) > 0) {
                byToken.asMap().putIfAbsent(token.getToken(), verified);
            }
        }
    }

    /** Runs first on every identity, so it keeps quarkus-oidc's before any other augmentor adds to it. */
    @ApplicationScoped
    static class Keeper implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        Keeper(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.keep(identity);
            return Uni.createFrom().item(identity);
        }
    }

    private record Verified(SecurityIdentity identity, long expiresAtEpochSecond) {

        Duration lifeLeft() {
            return Duration.ofMillis(TimeUnit.SECONDS.toMillis(expiresAtEpochSecond) - System.currentTimeMillis());
        }

        /** The identity with this request's context where quarkus-oidc put the verifying request's. */
        SecurityIdentity forRequest(RoutingContext request) {
            return QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(RoutingContext.class.getName(), request)
                    .addAttribute(AuthenticationRequestContext.class.getName(),
                            request == null ? null : request.get(AuthenticationRequestContext.class.getName()))
                    .build();
        }
    }
}
