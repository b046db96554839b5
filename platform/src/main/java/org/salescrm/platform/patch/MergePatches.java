package org.salescrm.platform.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.JsonProblems;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;

/**
 * Reads every PATCH body of every service the same way, whether sent as
 * {@code application/merge-patch+json} or as plain {@code application/json}.
 */
@ApplicationScoped
public class MergePatches {

    /** RFC 7396's media type; a PATCH accepts it and plain {@code application/json} alike. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper json;
    private final Validator validator;

    public MergePatches(ObjectMapper json, Validator validator) {
        this.json = strict(json.copy());
        this.validator = validator;
    }

    /**
     * The patch, or the first reason it cannot be applied: 400 for a body that is no JSON object,
     * a server-owned field ({@code read-only-field}), a field the record does not name
     * ({@code unknown-field}) or a value of the wrong type; 422 for a value that breaks its field's
     * rules, and for {@code null} on a required field (one the record marks {@code @NotNull},
     * {@code @NotBlank} or {@code @NotEmpty}), which can be changed but never cleared.
     */
    public <T extends Record> MergePatch<T> read(JsonNode body, Class<T> fields, Set<String> serverOwned) {
        if (!(body instanceof ObjectNode object)) {
            throw new ProblemException(400, "malformed-json", "malformed-json",
                    body == null || body.isNull() ? "the body is empty" : "the body must be a JSON object");
        }
        Set<String> components = Arrays.stream(fields.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        Set<String> present = new LinkedHashSet<>();
        for (String field : (Iterable<String>) object::fieldNames) {
            if (serverOwned.contains(field)) {
                throw JsonProblems.readOnlyField(field);
            }
            if (!components.contains(field)) {
                throw JsonProblems.unknownField(field);
            }
            present.add(field);
        }
        T values = bind(object, fields);
        validate(values, object, fields);
        return new MergePatch<>(values, present);
    }

    private <T> T bind(ObjectNode object, Class<T> fields) {
        try {
            return json.treeToValue(object, fields);
        } catch (JsonMappingException e) {
            throw JsonProblems.of(e);
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "malformed-json", "malformed-json", e.getOriginalMessage());
        }
    }

    private <T> void validate(T values, ObjectNode object, Class<T> fields) {
        List<FieldViolation> violations = new ArrayList<>();
        for (String field : (Iterable<String>) object::fieldNames) {
            if (object.get(field).isNull() && isRequired(fields, field)) {
                violations.add(new FieldViolation(field, "NotNull", "must not be null"));
                continue;
            }
            for (ConstraintViolation<T> v : validator.validateProperty(values, field)) {
                violations.add(new FieldViolation(field,
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(FieldViolation::field));
            String named = violations.stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", "));
            throw Problems.ruleViolated("validation", violations, "validation", named);
        }
    }

    /** Constraints on a record component land on its field, where Bean Validation reads them too. */
    private static boolean isRequired(Class<?> fields, String field) {
        try {
            Field declared = fields.getDeclaredField(field);
            return declared.isAnnotationPresent(NotNull.class) || declared.isAnnotationPresent(NotBlank.class)
                    || declared.isAnnotationPresent(NotEmpty.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(field + " is a component of " + fields + " without a field", e);
        }
    }

    /** A number or a boolean where the record wants text is a client's mistake, not something to convert. */
    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
