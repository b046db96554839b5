package org.salescrm.customer.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;

/**
 * The fields a {@code PATCH /customers/{id}} sets: only those present change, and a present
 * {@code null} clears an optional field. Validated with the same rules as a create.
 *
 * @param values the present fields, in the order sent, with the value as sent
 */
public record CustomerPatch(Map<String, String> values) {

    /** What a client may change: the fields of a create. */
    static final Set<String> SETTABLE = Set.of(
            "name", "industry", "region", "scale", "source", "phone", "creditCode", "address", "grade");
    /** What the server alone decides: a client naming one is told so, not ignored. */
    static final Set<String> SERVER_OWNED = Set.of(
            "id", "ownerId", "ownerTeam", "inPool", "lastContactAt", "version", "createdAt", "updatedAt", "createdBy");
    /** Fields that may not be cleared once set. */
    private static final Set<String> REQUIRED = Set.of("name", "grade");

    public CustomerPatch {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public String get(String field) {
        return values.get(field);
    }

    /** Reads and validates a PATCH body: 400 for unknown, server-owned or non-text fields, 422 for broken rules. */
    public static CustomerPatch parse(JsonNode body, Validator validator) {
        if (body == null || body.isNull()) {
            throw new ProblemException(400, "malformed-json", "malformed-json", "the body is empty");
        }
        if (!(body instanceof ObjectNode object)) {
            throw new ProblemException(400, "malformed-json", "malformed-json", "the body must be a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            values.put(field.getKey(), textOf(field.getKey(), field.getValue()));
        }
        CustomerPatch patch = new CustomerPatch(values);
        patch.validate(validator);
        return patch;
    }

    private static String textOf(String field, JsonNode value) {
        if (SERVER_OWNED.contains(field)) {
            throw new ProblemException(400, "read-only-field",
                    List.of(new FieldViolation(field, "read-only", "set by the server, not by clients")),
                    "read-only-field", field);
        }
        if (!SETTABLE.contains(field)) {
            throw new ProblemException(400, "unknown-field",
                    List.of(new FieldViolation(field, "unknown", "not a field of this request")),
                    "unknown-field", field);
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ProblemException(400, "malformed-field",
                    List.of(new FieldViolation(field, "type", "must be a string")), "malformed-field", field, value);
        }
        return value.textValue();
    }

    private void validate(Validator validator) {
        CustomerRequest asCreate = new CustomerRequest(get("name"), get("industry"), get("region"), get("scale"),
                get("source"), get("phone"), get("creditCode"), get("address"), get("grade"));
        List<FieldViolation> violations = new ArrayList<>();
        for (String field : values.keySet()) {
            if (REQUIRED.contains(field) && get(field) == null) {
                violations.add(new FieldViolation(field, "NotNull", "must not be null"));
                continue;
            }
            for (ConstraintViolation<CustomerRequest> v : validator.validateProperty(asCreate, field)) {
                violations.add(new FieldViolation(field,
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(FieldViolation::field));
            Set<String> fields = violations.stream().map(FieldViolation::field)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            throw Problems.ruleViolated("validation", violations, "validation", String.join(", ", fields));
        }
    }
}
