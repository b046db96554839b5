package org.salescrm.platform.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.salescrm.platform.problem.ProblemResponses;

/**
 * Answers 429 with {@code Retry-After} once a caller spends their budget. Callers are told apart
 * by their bearer token (a token is one user's session) and, without one, by address; this runs
 * before the token is verified so that a flood is turned away cheaply.
 */
public class RateLimitFilter {

    private final RateLimiter limiter;
    private final RateLimitConfig config;

    public RateLimitFilter(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.enabled()) {
            return null;
        }
        String token = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String caller = token != null ? token : "address:" + http.remoteAddress().hostAddress();
        long waitSeconds = limiter.acquire(caller);
        if (waitSeconds == 0) {
            return null;
        }
        return Response.fromResponse(ProblemResponses.of(request.getAcceptableLanguages(), 429, "http-429",
                        List.of(), Map.of(), "http-429"))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, waitSeconds)).build();
    }
}
