package org.salescrm.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.salescrm.platform.database.DatabaseFailures;

/** Turns every failure into problem+json: one mapper per kind of failure. */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(HttpHeaders headers, ProblemException problem) {
        return ProblemResponses.of(headers, problem);
    }

    /** Bean Validation: the JSON was well-formed but a field breaks its rule. A missing body is malformed input. */
    @ServerExceptionMapper
    public Response invalid(HttpHeaders headers, ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemExceptionMappers::isMissingBody)) {
            return ProblemResponses.of(headers, 400, "malformed-json", List.of(), Map.of(), "malformed-json",
                    "the body is empty");
        }
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(ProblemExceptionMappers::toViolation)
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        String fields = violations.stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", "));
        return ProblemResponses.of(headers, 422, "validation", violations, Map.of(), "validation", fields);
    }

    /**
     * Jackson could not bind the body: an unknown field, a value of the wrong form or type. The
     * subclasses are named so this mapper, not the framework's own one for them, answers.
     */
    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class})
    public Response unbound(HttpHeaders headers, JsonMappingException e) {
        return ProblemResponses.of(headers, JsonProblems.of(e));
    }

    /** JSON past the parser's limits (nesting over 1,000 deep, a number of thousands of digits) is malformed input too. */
    @ServerExceptionMapper
    public Response tooComplex(HttpHeaders headers, StreamConstraintsException e) {
        return ProblemResponses.of(headers, 400, "malformed-json", List.of(), Map.of(), "malformed-json",
                e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response outOfRange(HttpHeaders headers, InputCoercionException e) {
        return ProblemResponses.of(headers, JsonProblems.outOfRange(e));
    }

    @ServerExceptionMapper
    public Response malformedJson(HttpHeaders headers, JsonParseException e) {
        return ProblemResponses.of(headers, 400, "malformed-json", List.of(), Map.of(), "malformed-json",
                e.getOriginalMessage());
    }

    /**
     * Quarkus's JSON body reader wraps what the parser or a binding refused in a bare 400; the cause
     * says which field and rule, so it is answered as if it had come on its own.
     */
    private Response unreadableBody(HttpHeaders headers, Throwable cause) {
        if (cause instanceof JsonMappingException binding) {
            return unbound(headers, binding);
        }
        if (cause instanceof InputCoercionException range) {
            return outOfRange(headers, range);
        }
        if (cause instanceof StreamConstraintsException limits) {
            return tooComplex(headers, limits);
        }
        if (cause instanceof JsonParseException syntax) {
            return malformedJson(headers, syntax);
        }
        return null;
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
        Response unreadable = unreadableBody(headers, e.getCause());
        if (unreadable != null) {
            return unreadable;
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return ProblemResponses.of(headers, status, "http-" + status, List.of(), Map.of(), "http-" + status);
    }

    /**
     * What no other mapper claims: a database that is away is a 503 (nothing was changed, retry);
     * a unique index that refused a concurrent write is a 409; a version that moved on between
     * read and write is a 412; anything else is our bug, a 500 that leaks nothing.
     */
    @ServerExceptionMapper
    public Response unexpected(HttpHeaders headers, Exception e) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.fromResponse(ProblemResponses.of(headers, 503, "unavailable", List.of(), Map.of(),
                    "unavailable")).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        if (DatabaseFailures.isUniqueViolation(e)) {
            return ProblemResponses.of(headers, 409, "conflict", List.of(), Map.of(), "conflict");
        }
        if (isOptimisticLockFailure(e)) {
            return ProblemResponses.of(headers, 412, "stale-version", List.of(), Map.of(), "stale-version-concurrent");
        }
        LOG.error("unexpected failure", e);
        return ProblemResponses.of(headers, 500, "internal", List.of(), Map.of(), "internal");
    }

    private static boolean isOptimisticLockFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** A {@code @NotNull} on a resource method's body parameter: the path has just the method and the parameter. */
    private static boolean isMissingBody(ConstraintViolation<?> violation) {
        return violation.getInvalidValue() == null
                && violation.getPropertyPath().toString().split("\\.").length == 2
                && violation.getConstraintDescriptor().getAnnotation() instanceof NotNull;
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
}
