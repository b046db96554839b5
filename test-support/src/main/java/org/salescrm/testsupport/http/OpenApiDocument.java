package org.salescrm.testsupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations a running service documents at {@code /q/openapi}: tests that must cover every endpoint list them
 * from here, so an endpoint added later is covered, or its absence fails the test, without anyone remembering it.
 */
public final class OpenApiDocument {

    /** HTTP/1.1 only: the JDK client's cleartext HTTP/2 upgrade misread a large answer as a frame (seen in CI). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;

    private OpenApiDocument(JsonNode document) {
        this.document = document;
    }

    /** Reads the document of the service answering at {@code base} (e.g. {@code http://localhost:8081}). */
    public static OpenApiDocument of(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
            }
            return new OpenApiDocument(new ObjectMapper().readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every operation under {@code /api/}, in the document's order. */
    public List<ApiOperation> apiOperations() {
        List<ApiOperation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new ApiOperation(method.toUpperCase(Locale.ROOT), path.getKey()));
                }
            }
        }
        return operations;
    }

    /** The operations that change something: every method but GET. */
    public List<ApiOperation> writeOperations() {
        return apiOperations().stream().filter(ApiOperation::isWrite).toList();
    }
}
