package org.salescrm.platform.http;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.salescrm.platform.problem.ProblemResponses;

/**
 * Answers 429 with {@code Retry-After} once a caller spends their budget. A caller is the verified
 * user ({@code sub}), so a refreshed or forged token buys no new budget; requests without a valid
 * token count against their address (and are then refused with 401 anyway).
 */
public class RateLimitFilter {

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilter(RateLimiter limiter, RateLimitConfig config, CurrentIdentityAssociation identities) {
        this.limiter = limiter;
        this.config = config;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        String address = "address:" + http.remoteAddress().hostAddress();
        return identities.getDeferredIdentity()
                .map(identity -> callerOf(identity, address))
                .onFailure().recoverWithItem(address)
                .map(caller -> verdict(request, limiter.acquire(caller)));
    }

    private static String callerOf(SecurityIdentity identity, String address) {
        return identity.isAnonymous() ? address : "user:" + identity.getPrincipal().getName();
    }

    private static Response verdict(ContainerRequestContext request, long waitSeconds) {
        if (waitSeconds == 0) {
            return null;
        }
        return Response.fromResponse(ProblemResponses.of(request.getAcceptableLanguages(), 429, "http-429",
                        List.of(), Map.of(), "http-429"))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, waitSeconds)).build();
    }
}
