package org.salescrm.local.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The services' public REST APIs as the demo users call them: a real token per user (from Keycloak), JSON in and
 * out, 429 and 503 waited out and retried.
 */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Function<String, String> tokenOf;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Api(Function<String, String> tokenOf) {
        this.tokenOf = tokenOf;
    }

    /** An answer: status, JSON body (missing node when empty), and whether it was a 2xx. */
    record Response(String call, int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            return body.path(field).asText(null);
        }

        /** Fails the section: the call, its status and the problem's detail. */
        Response orFail() {
            if (!ok()) {
                throw new SectionFailed(this);
            }
            return this;
        }

        String problem() {
            String detail = body.path("detail").asText(body.path("title").asText(""));
            return call + " answered " + status + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    Response get(String user, String url) {
        return send(user, "GET", url, null, Map.of());
    }

    /** Every item of a list, page by page (following {@code next}); fails the section when the list is refused. */
    List<JsonNode> all(String user, String url) {
        List<JsonNode> items = new ArrayList<>();
        String page = url;
        while (page != null) {
            JsonNode body = get(user, page).orFail().body();
            body.path("items").forEach(items::add);
            String next = body.path("next").asText(null);
            page = next == null ? null : url + (url.contains("?") ? "&" : "?") + "cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        }
        return items;
    }

    /** Each user's id as the services record it ({@code ownerId}): the {@code sub} of their token. */
    Map<String, String> subjects(List<String> users) {
        Map<String, String> bySubject = new HashMap<>();
        for (String user : users) {
            String payload = tokens.computeIfAbsent(user, tokenOf).split("\\.")[1];
            bySubject.put(read(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).path("sub").asText(), user);
        }
        return bySubject;
    }

    Response post(String user, String url, Object body) {
        return send(user, "POST", url, body, Map.of());
    }

    Response post(String user, String url, Object body, String idempotencyKey) {
        return send(user, "POST", url, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    Response put(String user, String url, Object body) {
        return send(user, "PUT", url, body, Map.of());
    }

    Response patch(String user, String url, long version, Object body) {
        return send(user, "PATCH", url, body, Map.of("If-Match", String.valueOf(version)));
    }

    private Response send(String user, String method, String url, Object body, Map<String, String> headers) {
        String call = method + " " + URI.create(url).getPath();
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.computeIfAbsent(user, tokenOf))
                    .header("Accept", "application/json")
                    .header("Accept-Language", "zh-CN");
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
            }
            HttpResponse<String> response = exchange(request.build(), call);
            int status = response.statusCode();
            if ((status == 429 || status == 503) && attempt < ATTEMPTS) {
                pause(retryAfter(response).orElse(Duration.ofMillis(500L * attempt)));
                continue;
            }
            if (status == 422 && attempt < ATTEMPTS && notReplicatedYet(response.body())) {
                // what was just written elsewhere (a customer, key person, opportunity) is still on its way
                pause(Duration.ofMillis(500L * attempt));
                continue;
            }
            if (status == 401 && attempt == 1) {
                // The token may have expired during a long load: fetch a new one once.
                tokens.remove(user);
                continue;
            }
            return new Response(call, status, read(response.body()));
        }
    }

    private HttpResponse<String> exchange(HttpRequest request, String call) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SectionFailed(call + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SectionFailed(call + " interrupted");
        }
    }

    private static boolean notReplicatedYet(String body) {
        return body != null && body.contains("-not-replicated\"");
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.min(10, Long.parseLong(value.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** A JSON object from key/value pairs, leaving out null values (absent rather than null). */
    static Map<String, Object> obj(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    /** Why a section of the demo data stopped: printed as a warning, the other sections still run. */
    static final class SectionFailed extends RuntimeException {
        SectionFailed(Response response) {
            super(response.problem());
        }

        SectionFailed(String message) {
            super(message);
        }
    }
}
