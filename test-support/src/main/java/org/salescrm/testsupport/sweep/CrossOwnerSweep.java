package org.salescrm.testsupport.sweep;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.salescrm.testsupport.http.ApiOperation;
import org.salescrm.testsupport.http.OpenApiDocument;
import org.salescrm.testsupport.sweep.SweepOrganisation.Person;

/**
 * Asks every operation of a service's OpenAPI document, as each person who may not reach the
 * owner's records ({@link SweepOrganisation#outsiders()}), about those records, and checks that:
 * <ul>
 * <li>an operation naming an owner's record in its path answers exactly as it does for an id that
 * does not exist: the same status, problem {@code type}, {@code title}, {@code detail} (the id
 * replaced) and {@code errors};</li>
 * <li>a body field naming a record (a UUID in the request schema) answers the same for the owner's
 * record and for an id that does not exist;</li>
 * <li>no answer, of a list, a report or anything else, carries an id of the owner's records that the
 * request did not itself name; and none is a 5xx.</li>
 * </ul>
 * The operations come from the document, so an endpoint added later is swept too, or its fixture's
 * absence is reported as an operation not swept.
 */
public final class CrossOwnerSweep {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "{id}";
    private static final java.time.Duration STREAM_SAMPLE = java.time.Duration.ofSeconds(2);

    /** What a service's test knows about its own records: the sweep knows only the document. */
    public interface Fixture {

        /**
         * The operation's path parameters: ids of the owner's records, and any other value it
         * needs (a date, a stage). Null when the fixture cannot make this operation's request, which
         * leaves it not swept.
         */
        Map<String, String> pathParameters(ApiOperation operation);

        /** A JSON body as the owner would send it, naming the owner's records where it names any; null for none. */
        Object body(ApiOperation operation);

        /** The query strings to ask a list or report with; one empty query by default. */
        default List<Map<String, String>> queries(ApiOperation operation) {
            return List.of(Map.of());
        }

        /** Extra headers (If-Match for an update, Last-Event-ID for a stream). */
        default Map<String, String> headers(ApiOperation operation) {
            return Map.of();
        }

        /** Ids of the owner's records: no outsider may find one in an answer unless they named it. */
        Set<String> ownersRecords();

        /** UUID fields of request bodies that name no record (a client-chosen id such as {@code clientId}). */
        default Set<String> notReferences() {
            return Set.of();
        }
    }

    /** What one run did. */
    public record Result(int requests, int operations, int swept, List<String> notSwept, List<String> leaks) {

        public String summary(String service) {
            return "cross-owner sweep of " + service + ": " + requests + " requests, " + swept + " of " + operations
                    + " operations swept, " + leaks.size() + " leaks";
        }
    }

    private final URI base;
    private final SweepOrganisation organisation;
    private final Fixture fixture;
    private final JsonNode document;
    private final List<ApiOperation> operations;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> leaks = new ArrayList<>();
    private final List<String> notSwept = new ArrayList<>();

    public CrossOwnerSweep(URI base, SweepOrganisation organisation, Fixture fixture) {
        this.base = base;
        this.organisation = organisation;
        this.fixture = fixture;
        this.operations = OpenApiDocument.of(base).apiOperations();
        this.document = readDocument(base);
    }

    public Result run() {
        int swept = 0;
        // Deletes go last: an outsider's delete that wrongly worked would hide every later finding.
        List<ApiOperation> ordered = operations.stream()
                .sorted(Comparator.comparing(op -> op.method().equals("DELETE"))).toList();
        for (ApiOperation operation : ordered) {
            Map<String, String> path = fixture.pathParameters(operation);
            if (path == null) {
                notSwept.add(operation + ": the fixture makes no request for it");
                continue;
            }
            if (sweep(operation, path)) {
                swept++;
            }
        }
        return new Result(requests.get(), operations.size(), swept, List.copyOf(notSwept), List.copyOf(leaks));
    }

    /** True when every part of the operation could be swept. */
    private boolean sweep(ApiOperation operation, Map<String, String> path) {
        Object body = fixture.body(operation);
        boolean complete = true;
        for (Person outsider : organisation.outsiders()) {
            for (Map<String, String> query : fixture.queries(operation)) {
                Answer asked = send(outsider, operation, path, body, query);
                checkCarriesNothingUnasked(outsider, operation, asked, path, body, query);
                if (path.values().stream().anyMatch(CrossOwnerSweep::isUuid)) {
                    Map<String, String> missing = new LinkedHashMap<>(path);
                    missing.replaceAll((name, value) -> isUuid(value) ? UUID.randomUUID().toString() : value);
                    compare(outsider, operation, "path " + path, asked, path.values(),
                            send(outsider, operation, missing, body, query), missing.values());
                }
            }
        }
        for (String field : uuidFields(operation)) {
            Object value = body instanceof Map<?, ?> map ? map.get(field) : null;
            List<String> named = idsIn(value);
            if (named.isEmpty() || !fixture.ownersRecords().containsAll(named)) {
                if (!fixture.notReferences().contains(field)) {
                    notSwept.add(operation + ": the fixture's body names none of the owner's records in " + field);
                    complete = false;
                }
                continue;
            }
            Map<String, Object> missingBody = new LinkedHashMap<>(castMap(body));
            String missingId = UUID.randomUUID().toString();
            missingBody.put(field, value instanceof List<?> ? List.of(missingId) : missingId);
            for (Person outsider : organisation.outsiders()) {
                Map<String, String> query = fixture.queries(operation).get(0);
                compare(outsider, operation, "field " + field,
                        send(outsider, operation, path, body, query), named,
                        send(outsider, operation, path, missingBody, query), List.of(missingId));
            }
        }
        return complete;
    }

    private void compare(Person who, ApiOperation operation, String what, Answer theirs, java.util.Collection<String> theirIds,
                         Answer missing, java.util.Collection<String> missingIds) {
        Answer a = theirs.withIdsHidden(theirIds);
        Answer b = missing.withIdsHidden(missingIds);
        if (!a.equals(b)) {
            leaks.add(operation + " as " + who.name() + " (" + what + "): the owner's record answers " + a
                    + " but a missing one " + b);
        }
    }

    /** No 5xx, and no id of the owner's records the request did not itself name. */
    private void checkCarriesNothingUnasked(Person who, ApiOperation operation, Answer answer, Map<String, String> path,
                                            Object body, Map<String, String> query) {
        if (answer.status() >= 500) {
            leaks.add(operation + " as " + who.name() + ": answered " + answer.status() + " " + answer.raw());
        }
        Set<String> named = new LinkedHashSet<>(path.values());
        named.addAll(query.values());
        named.addAll(idsIn(body));
        for (String id : fixture.ownersRecords()) {
            if (!named.contains(id) && answer.raw().contains(id)) {
                leaks.add(operation + " as " + who.name() + ": the answer carries " + id + " of the owner's records");
            }
        }
    }

    private Answer send(Person who, ApiOperation operation, Map<String, String> path, Object body,
                        Map<String, String> query) {
        if (isStream(operation)) {
            requests.incrementAndGet();
            return StreamSample.read(base.resolve(operation.pathWith(path)), who.token(), fixture.headers(operation),
                    STREAM_SAMPLE);
        }
        for (int attempt = 0; ; attempt++) {
            RequestSpecification request = given().baseUri(base.toString()).auth().oauth2(who.token())
                    .urlEncodingEnabled(true).queryParams(query).headers(fixture.headers(operation));
            if (body instanceof String text) {
                request.body(text);
            } else if (body != null) {
                request.contentType("application/json").body(body);
            }
            Response response = request.request(operation.method(), operation.pathWith(path));
            requests.incrementAndGet();
            // The sweep's people share the per-user budget with nobody; wait it out rather than compare 429s.
            if (response.statusCode() == 429 && attempt < 10) {
                sleep(Long.parseLong(response.header("Retry-After")));
                continue;
            }
            return Answer.of(response);
        }
    }

    /** An event stream never ends: it is sampled for a while instead. */
    private boolean isStream(ApiOperation operation) {
        JsonNode responses = document.path("paths").path(operation.path()).path(operation.method().toLowerCase())
                .path("responses");
        for (JsonNode response : responses) {
            if (response.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    /** The properties of the operation's JSON request body whose values are UUIDs or lists of UUIDs. */
    List<String> uuidFields(ApiOperation operation) {
        JsonNode schema = document.path("paths").path(operation.path()).path(operation.method().toLowerCase())
                .path("requestBody").path("content").path("application/json").path("schema");
        schema = resolve(schema);
        List<String> fields = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode value = resolve(property.getValue());
            boolean uuid = "uuid".equals(value.path("format").asText())
                    || "uuid".equals(resolve(value.path("items")).path("format").asText());
            if (uuid) {
                fields.add(property.getKey());
            }
        });
        return fields;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static JsonNode readDocument(URI base) {
        try {
            return JSON.readTree(given().baseUri(base.toString()).get("/q/openapi?format=json").asString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> idsIn(Object value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof String text && isUuid(text)) {
            ids.add(text);
        } else if (value instanceof Iterable<?> values) {
            values.forEach(v -> ids.addAll(idsIn(v)));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> ids.addAll(idsIn(v)));
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object body) {
        return (Map<String, Object>) body;
    }

    static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(Math.max(1, seconds) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a client can tell apart in an answer. {@code raw} is kept for messages and the leak check only. */
    record Answer(int status, String type, String title, String detail, String errors, String raw) {

        static Answer of(Response response) {
            String raw = response.asString();
            JsonNode body = parse(raw);
            return new Answer(response.statusCode(), body.path("type").asText(null), body.path("title").asText(null),
                    body.path("detail").asText(null), body.has("errors") ? body.get("errors").toString() : null, raw);
        }

        Answer withIdsHidden(java.util.Collection<String> ids) {
            return new Answer(status, type, title, hide(detail, ids), hide(errors, ids), "");
        }

        private static String hide(String text, java.util.Collection<String> ids) {
            if (text == null) {
                return null;
            }
            String hidden = text;
            for (String id : ids) {
                hidden = hidden.replace(id, ID);
            }
            return hidden;
        }

        private static JsonNode parse(String raw) {
            try {
                JsonNode node = JSON.readTree(raw);
                return node == null ? JSON.createObjectNode() : node;
            } catch (java.io.IOException notJson) {
                return JSON.createObjectNode();
            }
        }

        @Override
        public String toString() {
            return status + " " + type + " \"" + detail + "\"" + (errors == null ? "" : " " + errors);
        }
    }
}
