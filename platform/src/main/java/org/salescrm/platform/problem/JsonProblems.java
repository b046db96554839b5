package org.salescrm.platform.problem;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/** What a body that does not bind means to a client, whether the framework or a merge patch read it. */
public final class JsonProblems {

    private JsonProblems() {
    }

    /**
     * An unknown field is refused by name; a value of the wrong form is malformed input (400); a
     * well-formed value outside an enum's names ({@code "method": "TELEPATHY"}) is valid JSON that
     * breaks a rule (422), like any other rule.
     */
    public static ProblemException of(JsonMappingException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException) {
            return unknownField(field);
        }
        if (e instanceof InvalidFormatException format) {
            if (format.getTargetType() != null && format.getTargetType().isEnum()) {
                return notOneOf(field, format.getTargetType());
            }
            return new ProblemException(400, "malformed-field",
                    List.of(new FieldViolation(field, "format", String.valueOf(format.getValue()))),
                    "malformed-field", field, format.getValue());
        }
        if (field.isEmpty()) {
            // A list, a number or text where the body's object belongs.
            return new ProblemException(400, "malformed-json", List.of(), "malformed-json",
                    "the body is not a JSON object of this request's fields");
        }
        return new ProblemException(400, "malformed-field", List.of(new FieldViolation(field, "type", "wrong type")),
                "malformed-field", field, "");
    }

    /**
     * A number beyond its field's type ({@code 1e400} for a whole number). Jackson reports it from the
     * parser, without the path a binding error carries; the parser still knows which field it was reading.
     */
    public static ProblemException outOfRange(InputCoercionException e) {
        String field = e.getProcessor() == null ? "" : path(e.getProcessor().getParsingContext());
        if (field.isEmpty()) {
            return new ProblemException(400, "malformed-json", List.of(), "malformed-json", e.getOriginalMessage());
        }
        return new ProblemException(400, "malformed-field",
                List.of(new FieldViolation(field, "range", "outside the range of this field's type")),
                "malformed-field", field, e.getOriginalMessage());
    }

    public static ProblemException unknownField(String field) {
        return new ProblemException(400, "unknown-field",
                List.of(new FieldViolation(field, "unknown", "not a field of this request")), "unknown-field", field);
    }

    /** A client naming a field the server alone decides is told so, not ignored. */
    public static ProblemException readOnlyField(String field) {
        return new ProblemException(400, "read-only-field",
                List.of(new FieldViolation(field, "read-only", "set by the server, not by clients")),
                "read-only-field", field);
    }

    private static ProblemException notOneOf(String field, Class<?> enumType) {
        String allowed = Arrays.stream(enumType.getEnumConstants()).map(String::valueOf)
                .collect(Collectors.joining(", "));
        return new ProblemException(422, "validation",
                List.of(new FieldViolation(field, "oneOf", "must be one of " + allowed)), "validation", field);
    }

    private static String path(JsonStreamContext context) {
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            names.addFirst(at.inArray() ? "[" + at.getCurrentIndex() + "]" : String.valueOf(at.getCurrentName()));
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
