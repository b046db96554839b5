package org.salescrm.testsupport.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.salescrm.testsupport.http.ApiOperation;
import org.salescrm.testsupport.http.OpenApiDocument;

/**
 * Sends every operation of a service's OpenAPI document input it must refuse, derived from the
 * document's own schemas: malformed, truncated and deeply nested JSON, invalid UTF-8, bodies over
 * 1 MB with and without a length, unknown and server-owned fields, each field with a value of the
 * wrong type, a NUL character in text, one character over its length, a number out of its range, a name outside its enum,
 * an impossible date, for the fields of nested objects and of the first item of a list alike (named by
 * their path, {@code lines[0].unitPrice}), and, on lists, bad cursors and limits and an overlong query string; on
 * updates, bad If-Match values. Checks that no answer is a 5xx, that every refusal is problem+json
 * with its {@code type}, {@code title}, {@code status} and {@code detail} and, where one field was
 * at fault, names that field and a rule; and that nothing was written (the fixture counts rows).
 */
public final class BadInputSweep {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> SERVER_OWNED = List.of("id", "version", "createdAt", "updatedAt", "ownerId",
            "ownerTeam");

    /** What the service's test knows: who calls, the paths of real records, a valid body, and how to count writes. */
    public interface Fixture {

        /** The path parameters of a record the caller may change; null when the operation cannot be asked. */
        Map<String, String> pathParameters(ApiOperation operation);

        /** A valid JSON body for the operation (a map), or null when it takes none. */
        Map<String, Object> validBody(ApiOperation operation);

        /** The caller's token: someone allowed to make the operation, so that input is what is judged. */
        String token(ApiOperation operation);

        /** Rows that would show a write: the service's tables and its outbox, summed. */
        long writes();

        /**
         * Valid values of the operation's required query parameters (a leaderboard's {@code period}), sent
         * along with each bad query value so that the value swept is the only one at fault; none by default.
         */
        default Map<String, String> validQuery(ApiOperation operation) {
            return Map.of();
        }
    }

    /** What one run did. */
    public record Result(int requests, int operations, int swept, List<String> notSwept, List<String> failures) {

        public String summary(String service) {
            return "bad-input sweep of " + service + ": " + requests + " requests, " + swept + " of " + operations
                    + " operations swept, " + failures.size() + " failures";
        }
    }

    private final URI base;
    private final Fixture fixture;
    private final JsonNode document;
    private final List<ApiOperation> operations;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notSwept = new ArrayList<>();

    public BadInputSweep(URI base, Fixture fixture) {
        this.base = base;
        this.fixture = fixture;
        this.operations = OpenApiDocument.of(base).apiOperations();
        this.document = read(base);
    }

    public Result run() {
        long before = fixture.writes();
        int swept = 0;
        for (ApiOperation operation : operations) {
            Map<String, String> path = fixture.pathParameters(operation);
            if (path == null) {
                notSwept.add(operation + ": the fixture makes no request for it");
                continue;
            }
            sweep(operation, path);
            swept++;
        }
        long after = fixture.writes();
        if (after != before) {
            failures.add("refused input wrote " + (after - before) + " rows");
        }
        return new Result(requests.get(), operations.size(), swept, List.copyOf(notSwept), List.copyOf(failures));
    }

    private void sweep(ApiOperation operation, Map<String, String> path) {
        String target = operation.pathWith(path);
        JsonNode op = document.path("paths").path(operation.path()).path(operation.method().toLowerCase());
        if (op.has("parameters")) {
            for (JsonNode parameter : op.get("parameters")) {
                if ("query".equals(parameter.path("in").asText())) {
                    queryCases(operation, target, parameter.path("name").asText());
                }
            }
        }
        // Within the HTTP server's 4,096-byte request line; a longer one gets the server's bare 414.
        check(operation, "a query string of 3,000 characters", raw(operation, target + "?zz=" + "x".repeat(3_000),
                null, null, Map.of()), null, true);
        if (operation.method().equals("PATCH")) {
            for (String ifMatch : List.of("abc", "-1", "\"\"", "99999999999999999999", "1, 2")) {
                Map<String, Object> body = fixture.validBody(operation);
                expectRefused(operation, "If-Match " + ifMatch, null, raw(operation, target, json(body),
                        "application/json", Map.of("If-Match", ifMatch)));
            }
        }
        JsonNode schema = resolve(op.path("requestBody").path("content").path("application/json").path("schema"));
        if (schema.isMissingNode() || !op.path("requestBody").path("content").has("application/json")) {
            return;
        }
        Map<String, Object> valid = fixture.validBody(operation);
        if (valid == null) {
            notSwept.add(operation + ": the fixture gives no valid body");
            return;
        }
        bodyCases(operation, target, valid, schema);
    }

    private void queryCases(ApiOperation operation, String target, String name) {
        List<String> values = switch (name) {
            case "cursor" -> List.of("not-a-cursor", "%%%", "eyJ4IjoxfQ");
            case "limit" -> List.of("0", "201", "-1", "ten", "1e3", "99999999999999999999");
            default -> List.of("\u0000", "x".repeat(3_000), "2026-02-30", "NaN");
        };
        StringBuilder valid = new StringBuilder();
        fixture.validQuery(operation).forEach((other, value) -> {
            if (!other.equals(name)) {
                valid.append('&').append(other).append('=').append(java.net.URLEncoder.encode(value,
                        StandardCharsets.UTF_8));
            }
        });
        for (String value : values) {
            Reply response = raw(operation, target + "?" + name + "=" + java.net.URLEncoder.encode(value,
                    StandardCharsets.UTF_8) + valid, null, null, Map.of());
            check(operation, "?" + name + "=" + abbreviate(value), response, "cursor".equals(name) || "limit".equals(name)
                    ? name : null, true);
        }
    }

    private void bodyCases(ApiOperation operation, String target, Map<String, Object> valid, JsonNode schema) {
        String good = json(valid);
        Map<String, String> headers = operation.method().equals("PATCH") ? Map.of("If-Match", "1") : Map.of();
        expectRefused(operation, "malformed JSON", null, raw(operation, target, "{\"a\": ", "application/json", headers));
        expectRefused(operation, "truncated JSON", null,
                raw(operation, target, good.substring(0, good.length() / 2), "application/json", headers));
        expectRefused(operation, "an array for an object", null, raw(operation, target, "[" + good + "]",
                "application/json", headers));
        expectRefused(operation, "deep nesting", null, raw(operation, target, "[".repeat(5_000) + "]".repeat(5_000),
                "application/json", headers));
        expectRefused(operation, "NaN", null, raw(operation, target, good.replaceFirst(":\\s*[^,}]+", ": NaN"),
                "application/json", headers));
        expectRefused(operation, "invalid UTF-8", null, rawBytes(operation, target, invalidUtf8(good), headers, true));
        byte[] huge = ("{\"name\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        expectRefused(operation, "a body over 1 MB", null, rawBytes(operation, target, huge, headers, true));
        expectRefused(operation, "a body over 1 MB without Content-Length", null,
                rawBytes(operation, target, huge, headers, false));
        expectRefused(operation, "an unknown field", "zzNotAField", body(operation, target, with(valid,
                "zzNotAField", 1)));
        for (String owned : SERVER_OWNED) {
            if (!schema.path("properties").has(owned)) {
                expectRefused(operation, "server-owned " + owned, owned, body(operation, target, with(valid, owned,
                        "1")));
            }
        }
        objectCases(operation, target, valid, List.of(), schema);
    }

    /**
     * The cases of each field of an object of the body, at {@code path} from its root ({@code []} for the
     * body itself), and of every object the valid body holds beneath it: a nested object such as a visit's
     * {@code nextAction}, or the first item of a list of objects such as a quote's {@code lines}, whose
     * fields are named {@code lines[0].unitPrice}. Only what the valid body fills is descended into, so
     * each case breaks exactly one value of a body that is otherwise valid.
     */
    private void objectCases(ApiOperation operation, String target, Map<String, Object> valid, List<Object> path,
                             JsonNode schema) {
        if (!path.isEmpty()) {
            String unknown = name(append(path, "zzNotAField"));
            expectRefused(operation, "an unknown field " + unknown, unknown,
                    body(operation, target, with(valid, append(path, "zzNotAField"), 1)));
        }
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            List<Object> at = append(path, property.getKey());
            JsonNode fieldSchema = resolve(property.getValue());
            fieldCases(operation, target, valid, at, fieldSchema);
            descend(operation, target, valid, at, fieldSchema);
        }
        for (JsonNode field : schema.path("required")) {
            List<Object> at = append(path, field.asText());
            expectRefused(operation, "missing " + name(at), name(at), body(operation, target, without(valid, at)));
        }
    }

    /** Into a nested object, or into the first item of a list (of objects, or of values with a type). */
    private void descend(ApiOperation operation, String target, Map<String, Object> valid, List<Object> at,
                         JsonNode schema) {
        Object value = valueAt(valid, at);
        if (value instanceof Map<?, ?> && schema.has("properties")) {
            objectCases(operation, target, valid, at, schema);
        } else if (value instanceof List<?> list && !list.isEmpty() && "array".equals(schema.path("type").asText())) {
            List<Object> first = append(at, 0);
            JsonNode items = resolve(schema.path("items"));
            if (items.has("properties")) {
                expectRefused(operation, name(first) + " = a text", name(first),
                        body(operation, target, with(valid, first, "not-an-object")));
                if (list.get(0) instanceof Map<?, ?>) {
                    objectCases(operation, target, valid, first, items);
                }
            } else {
                fieldCases(operation, target, valid, first, items);
            }
        }
    }

    private void fieldCases(ApiOperation operation, String target, Map<String, Object> valid, List<Object> at,
                            JsonNode schema) {
        String field = name(at);
        String type = schema.path("type").asText("");
        String format = schema.path("format").asText("");
        List<Object> wrong = new ArrayList<>();
        switch (type) {
            case "string" -> {
                wrong.add("nul\u0000inside");
                wrong.add(Map.of("nested", 1));
                wrong.add(List.of(1, 2));
                if (schema.has("maxLength")) {
                    wrong.add("字".repeat(schema.get("maxLength").asInt() + 1));
                }
                if (schema.has("enum")) {
                    wrong.add("NOT_ONE_OF_THEM");
                }
                if (format.equals("date")) {
                    wrong.add("2026-02-30");
                }
                if (format.equals("date-time")) {
                    wrong.add("2026-02-30T10:00:00Z");
                }
                if (format.equals("uuid")) {
                    wrong.add("not-a-uuid");
                }
            }
            case "integer", "number" -> {
                wrong.add("ten");
                wrong.add(Map.of("nested", 1));
                wrong.add(new java.math.BigDecimal("1e400"));
                if (schema.has("minimum")) {
                    wrong.add(schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE));
                }
                if (schema.has("maximum")) {
                    wrong.add(schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE));
                }
                // OpenAPI 3.1 gives an exclusive bound as a number: the bound itself is outside.
                if (schema.path("exclusiveMinimum").isNumber()) {
                    wrong.add(schema.get("exclusiveMinimum").decimalValue());
                }
                if (schema.path("exclusiveMaximum").isNumber()) {
                    wrong.add(schema.get("exclusiveMaximum").decimalValue());
                }
            }
            case "boolean" -> wrong.add("maybe");
            case "array" -> {
                wrong.add("not-a-list");
                if (schema.has("maxItems")) {
                    List<Object> many = new ArrayList<>();
                    for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                        many.add(sample(resolve(schema.path("items"))));
                    }
                    wrong.add(many);
                }
            }
            case "object" -> wrong.add("not-an-object");
            default -> {
                if (schema.has("enum")) {
                    wrong.add("NOT_ONE_OF_THEM");
                }
            }
        }
        for (Object value : wrong) {
            expectRefused(operation, field + " = " + abbreviate(String.valueOf(value)), field,
                    body(operation, target, with(valid, at, value)));
        }
    }

    private static Object sample(JsonNode items) {
        return switch (items.path("type").asText("")) {
            case "integer", "number" -> 1;
            default -> "uuid".equals(items.path("format").asText())
                    ? java.util.UUID.randomUUID().toString() : "x";
        };
    }

    private void expectRefused(ApiOperation operation, String what, String field, Reply response) {
        check(operation, what, response, field, false);
    }

    /** A refusal is problem+json naming the field at fault; a 2xx is a failure unless {@code mayPass}. */
    private void check(ApiOperation operation, String what, Reply response, String field, boolean mayPass) {
        int status = response.status();
        String label = operation + " with " + what + ": ";
        if (status >= 500) {
            failures.add(label + "answered " + status + " " + abbreviate(response.body()));
            return;
        }
        if (status < 400) {
            if (!mayPass) {
                failures.add(label + "was accepted (" + status + ")");
            }
            return;
        }
        String contentType = response.contentType();
        if (!contentType.startsWith("application/problem+json")) {
            failures.add(label + status + " as " + contentType + " rather than application/problem+json");
            return;
        }
        JsonNode problem = parse(response.body());
        for (String member : List.of("type", "title", "status", "detail")) {
            if (!problem.hasNonNull(member)) {
                failures.add(label + "the problem lacks " + member);
            }
        }
        if (field != null && (status == 400 || status == 422) && !names(problem, field)) {
            failures.add(label + status + " names no field " + field + " with a rule: " + problem.path("errors")
                    + " (type " + problem.path("type").asText() + ": " + problem.path("detail").asText() + ")");
        }
    }

    private static boolean names(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            String named = error.path("field").asText("");
            if ((named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "["))
                    && !error.path("rule").asText("").isBlank()) {
                return true;
            }
        }
        return false;
    }

    private Reply body(ApiOperation operation, String target, Map<String, Object> body) {
        Map<String, String> headers = operation.method().equals("PATCH") ? Map.of("If-Match", "1") : Map.of();
        return raw(operation, target, json(body), "application/json", headers);
    }

    private Reply raw(ApiOperation operation, String target, String body, String contentType,
                      Map<String, String> headers) {
        return send(operation, target, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType,
                headers, true);
    }

    private Reply rawBytes(ApiOperation operation, String target, byte[] body, Map<String, String> headers,
                           boolean withLength) {
        return send(operation, target, body, "application/json", headers, withLength);
    }

    /**
     * Sends with the JDK's client, byte for byte as given (a test HTTP library would log, pretty-print
     * or re-encode what is meant to be broken), waiting out the caller's rate limit rather than
     * judging a 429. Without {@code withLength} the body goes out chunked, with no Content-Length.
     */
    private Reply send(ApiOperation operation, String target, byte[] body, String contentType,
                       Map<String, String> headers, boolean withLength) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(target))
                    .timeout(java.time.Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + fixture.token(operation));
            headers.forEach(request::header);
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : withLength ? HttpRequest.BodyPublishers.ofByteArray(body)
                    : HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            request.method(operation.method(), publisher);
            requests.incrementAndGet();
            Reply reply;
            try {
                HttpResponse<java.io.InputStream> response = CLIENT.send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                String type = response.headers().firstValue("Content-Type").orElse("");
                reply = new Reply(response.statusCode(), type, bodyOf(response.body(), type),
                        response.headers().firstValue("Retry-After").orElse("1"));
            } catch (IOException e) {
                // A server that hangs up on a request instead of answering it is a failure too.
                reply = new Reply(599, "", "no answer: " + e, "1");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (reply.status() != 429 || attempt >= 20) {
                return reply;
            }
            try {
                Thread.sleep(Math.max(1, Long.parseLong(reply.retryAfter())) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
        }
    }

    /**
     * The answer's text; an event stream that was accepted never ends, and its status and type are all
     * that is judged of it, so it is closed unread.
     */
    private static String bodyOf(java.io.InputStream body, String contentType) throws IOException {
        try (body) {
            return contentType.startsWith("text/event-stream") ? ""
                    : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** An answer as the sweep judges it. */
    record Reply(int status, String contentType, String body, String retryAfter) {
    }

    private static Map<String, Object> with(Map<String, Object> valid, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        body.put(field, value);
        return body;
    }

    /** The valid body with {@code value} at {@code path}; the maps and lists on the way are copied, the valid body is not changed. */
    private static Map<String, Object> with(Map<String, Object> valid, List<Object> path, Object value) {
        return copyAlong(valid, path, value, false);
    }

    /** The valid body without the member at {@code path}. */
    private static Map<String, Object> without(Map<String, Object> valid, List<Object> path) {
        return copyAlong(valid, path, null, true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copyAlong(Map<String, Object> valid, List<Object> path, Object value,
                                                 boolean remove) {
        Map<String, Object> root = new LinkedHashMap<>(valid);
        Object parent = root;
        for (int i = 0; i < path.size(); i++) {
            Object segment = path.get(i);
            boolean last = i == path.size() - 1;
            if (parent instanceof Map<?, ?> map) {
                Map<String, Object> object = (Map<String, Object>) map;
                if (last && remove) {
                    object.remove((String) segment);
                } else if (last) {
                    object.put((String) segment, value);
                } else {
                    object.put((String) segment, copy(object.get(segment)));
                    parent = object.get(segment);
                }
            } else {
                List<Object> list = (List<Object>) parent;
                int index = (Integer) segment;
                if (last && remove) {
                    list.remove(index);
                } else if (last) {
                    list.set(index, value);
                } else {
                    list.set(index, copy(list.get(index)));
                    parent = list.get(index);
                }
            }
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        return value instanceof List<?> list ? new ArrayList<Object>(list) : value;
    }

    private static Object valueAt(Map<String, Object> valid, List<Object> path) {
        Object at = valid;
        for (Object segment : path) {
            if (segment instanceof Integer index && at instanceof List<?> list && index < list.size()) {
                at = list.get(index);
            } else if (segment instanceof String name && at instanceof Map<?, ?> map) {
                at = map.get(name);
            } else {
                return null;
            }
        }
        return at;
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return List.copyOf(longer);
    }

    /** A field's path as the services name it in a problem: {@code lines[0].unitPrice}. */
    private static String name(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(segment);
            }
        }
        return name.toString();
    }

    /** The valid body with a byte sequence no UTF-8 text contains placed inside its first string. */
    private static byte[] invalidUtf8(String good) {
        byte[] text = good.getBytes(StandardCharsets.UTF_8);
        int quote = good.indexOf(": \"");
        int at = quote < 0 ? 1 : good.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, 0, 4);
        out.write(text, at, text.length - at);
        return out.toByteArray();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static JsonNode read(URI base) {
        try {
            return parse(CLIENT.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
