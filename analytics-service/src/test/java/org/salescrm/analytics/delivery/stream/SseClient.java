package org.salescrm.analytics.delivery.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Reads a text/event-stream the way a browser's EventSource would, collecting events and counting comments. */
public final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {
    }

    private final HttpResponse<InputStream> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static SseClient open(URI uri, String token) {
        return open(HttpRequest.newBuilder(uri), token);
    }

    /** Reconnects as a browser does, naming the last event it received. */
    public static SseClient resume(URI uri, String token, String lastEventId) {
        return open(HttpRequest.newBuilder(uri).header("Last-Event-ID", lastEventId), token);
    }

    private static SseClient open(HttpRequest.Builder builder, String token) {
        HttpRequest request = builder
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET().build();
        try {
            return new SseClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("content-type").orElse("");
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    public boolean received(Object eventId) {
        return events.stream().anyMatch(e -> eventId.toString().equals(e.id()));
    }

    public int comments() {
        return comments.get();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    /** The server ended the stream (or the test closed it): the reader has seen its end. */
    public boolean ended() {
        return !reader.isAlive();
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
