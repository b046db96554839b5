package org.salescrm.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into problem+json: one mapper per kind of failure. */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(HttpHeaders headers, ProblemException problem) {
        return ProblemResponses.of(headers, problem);
    }

    /** Bean Validation: the JSON was well-formed but a field breaks its rule. */
    @ServerExceptionMapper
    public Response invalid(HttpHeaders headers, ConstraintViolationException e) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(ProblemExceptionMappers::toViolation)
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        String fields = violations.stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", "));
        return ProblemResponses.of(headers, 422, "validation", violations, Map.of(), "validation", fields);
    }

    @ServerExceptionMapper
    public Response unknownField(HttpHeaders headers, UnrecognizedPropertyException e) {
        String field = path(e);
        return ProblemResponses.of(headers, 400, "unknown-field",
                List.of(new FieldViolation(field, "unknown", "not a field of this request")), Map.of(),
                "unknown-field", field);
    }

    @ServerExceptionMapper
    public Response badValue(HttpHeaders headers, InvalidFormatException e) {
        String field = path(e);
        return ProblemResponses.of(headers, 400, "malformed-field",
                List.of(new FieldViolation(field, "format", String.valueOf(e.getValue()))), Map.of(),
                "malformed-field", field, e.getValue());
    }

    @ServerExceptionMapper
    public Response badShape(HttpHeaders headers, JsonMappingException e) {
        String field = path(e);
        return ProblemResponses.of(headers, 400, "malformed-field",
                List.of(new FieldViolation(field, "type", "wrong type")), Map.of(), "malformed-field", field, "");
    }

    @ServerExceptionMapper
    public Response malformedJson(HttpHeaders headers, JsonParseException e) {
        return ProblemResponses.of(headers, 400, "malformed-json", List.of(), Map.of(), "malformed-json",
                e.getOriginalMessage());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(HttpHeaders headers) {
        return Response.fromResponse(ProblemResponses.of(headers, 401, "unauthorized", List.of(), Map.of(),
                "unauthorized")).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(HttpHeaders headers, ForbiddenException e) {
        return ProblemResponses.of(headers, 403, "forbidden", List.of(), Map.of(), "forbidden");
    }

    /** Framework answers such as an unknown path (404), a wrong method (405) or media type (415). */
    @ServerExceptionMapper
    public Response http(HttpHeaders headers, WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return ProblemResponses.of(headers, status, "http-" + status, List.of(), Map.of(), "http-" + status);
    }

    /** The database is away (restarting, failing over): the request did nothing and can be retried. */
    @ServerExceptionMapper
    public Response unexpected(HttpHeaders headers, Exception e) {
        if (isStoreUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.fromResponse(ProblemResponses.of(headers, 503, "unavailable", List.of(), Map.of(),
                    "unavailable")).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected failure", e);
        return ProblemResponses.of(headers, 500, "internal", List.of(), Map.of(), "internal");
    }

    static boolean isStoreUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static FieldViolation toViolation(ConstraintViolation<?> violation) {
        String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new FieldViolation(fieldOf(violation.getPropertyPath().toString()), rule, violation.getMessage());
    }

    /** {@code create.request.name} (method, parameter, field) reads as {@code name} to a client. */
    static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
