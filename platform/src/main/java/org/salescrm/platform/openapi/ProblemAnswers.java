package org.salescrm.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.salescrm.platform.problem.ProblemResponses;

/**
 * Adds to every operation the problem+json answers every service gives in the same situations
 * (README, "The API's conventions"), with one {@code Problem} schema, so a client generated from
 * the document knows them without each resource repeating them. An answer an operation already
 * documents is left as it is. Runs at build time, so the exported document carries them too.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemAnswers implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("FieldViolation", fieldViolation()).addSchema("Problem", problem());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> addAnswers(path, method, operation));
            }
        });
    }

    private static void addAnswers(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean hasBody = operation.getRequestBody() != null;
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean conditional = method == PathItem.HttpMethod.PATCH || hasHeader(operation, "If-Match");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("400", "Malformed JSON, an unknown or server-owned field, a value of the wrong type, a bad query value");
        answers.put("401", "No token, or a token that is not valid");
        answers.put("403", "The caller's role may not do this");
        if (path.contains("{")) {
            answers.put("404", "Missing, or out of the caller's reach (the two answer alike)");
        }
        if (writes) {
            answers.put("409", "Conflicts with the resource's current state");
        }
        if (conditional) {
            answers.put("412", "If-Match names a version that is no longer the current one");
        }
        if (hasBody) {
            answers.put("413", "The body is over 1 MB");
        }
        if (hasBody || hasQuery(operation)) {
            answers.put("422", "Well-formed input that breaks a rule; errors name each field and rule");
        }
        if (conditional) {
            answers.put("428", "If-Match is missing");
        }
        answers.put("429", "Over the caller's rate limit; retry after Retry-After seconds");
        answers.put("503", "The database is away; nothing was changed, retry after Retry-After seconds");
        answers.forEach((status, description) -> {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(problemContent()));
            } else if (response.getContent() == null) {
                // documented (the security filter adds 401 and 403) but without its body
                response.content(problemContent());
            }
        });
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(ProblemResponses.PROBLEM_JSON.toString(),
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static boolean hasHeader(Operation operation, String name) {
        return parameters(operation).stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static boolean hasQuery(Operation operation) {
        return parameters(operation).stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    /** RFC 9457 with the members every answer of ours carries. */
    private static Schema problem() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An error, as application/problem+json (RFC 9457); title and detail follow Accept-Language")
                .addProperty("type", text("https://salescrm.dev/problems/<kind>"))
                .addProperty("title", text("What kind of problem, for a person"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text("This occurrence, for a person"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldViolation")))
                .required(List.of("type", "title", "status"));
    }

    private static Schema fieldViolation() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text("The field, as the client sent it"))
                .addProperty("rule", text("The rule broken, such as NotNull, Size, read-only, oneOf"))
                .addProperty("message", text("What the rule asks for"))
                .required(List.of("field", "rule", "message"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
