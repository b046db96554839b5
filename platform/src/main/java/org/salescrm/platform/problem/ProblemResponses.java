package org.salescrm.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@code application/problem+json} responses (RFC 9457). */
public final class ProblemResponses {

    public static final String TYPE_BASE = "https://salescrm.dev/problems/";
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private ProblemResponses() {
    }

    public static Response of(HttpHeaders headers, int status, String slug, List<FieldViolation> violations,
                              Map<String, Object> extensions, String detailKey, Object... detailArgs) {
        return of(headers == null ? List.of() : headers.getAcceptableLanguages(), status, slug, violations, extensions,
                detailKey, detailArgs);
    }

    public static Response of(List<Locale> acceptableLanguages, int status, String slug,
                              List<FieldViolation> violations, Map<String, Object> extensions, String detailKey,
                              Object... detailArgs) {
        Locale locale = ProblemMessages.pick(acceptableLanguages);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug);
        body.put("title", ProblemMessages.format(locale, "title." + slug));
        body.put("status", status);
        body.put("detail", ProblemMessages.format(locale, detailKey, detailArgs));
        if (!violations.isEmpty()) {
            body.put("errors", violations);
        }
        body.putAll(extensions);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    public static Response of(HttpHeaders headers, ProblemException problem) {
        return of(headers, problem.status(), problem.slug(), problem.violations(), problem.extensions(),
                problem.detailKey(), problem.detailArgs());
    }
}
