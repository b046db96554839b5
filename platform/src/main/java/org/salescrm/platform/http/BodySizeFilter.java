package org.salescrm.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.salescrm.platform.problem.ProblemResponses;

/**
 * Refuses a body over {@code crm.http.max-body-bytes} with a problem+json 413. The HTTP server's
 * own limit sits above it ({@code quarkus.http.limits.max-body-size}) as a backstop for bodies
 * sent without a length, but answers with an empty 413.
 */
public class BodySizeFilter {

    private final long maxBodyBytes;

    public BodySizeFilter(@ConfigProperty(name = "crm.http.max-body-bytes", defaultValue = "1048576") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        if (request.getLength() <= maxBodyBytes) {
            return null;
        }
        return ProblemResponses.of(request.getAcceptableLanguages(), 413, "http-413", List.of(),
                Map.of("maxBytes", maxBodyBytes), "http-413");
    }
}
