package org.salescrm.bench.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salescrm.bench.data.Ids;
import org.salescrm.testsupport.TestTokens;

/**
 * Event to alert, end to end: a rep opens a deal already past its expected close date through customer-service's
 * API (its event leaves through the outbox relay), analytics ingests it and raises a STALLED_OPPORTUNITY alert, which
 * reaches a manager on {@code GET /api/v1/alerts/stream}. Timed from sending the request to the alert on the stream.
 */
public final class EventToAlert {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern SUBJECT = Pattern.compile("\"subjectId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String customerService;
    private final String analyticsService;
    private final int customers;
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    /** The stream replays nothing to a new subscriber: no deal is opened before it is connected. */
    private final CountDownLatch connected = new CountDownLatch(1);

    public EventToAlert(String customerService, String analyticsService, int customers) {
        this.customerService = customerService;
        this.analyticsService = analyticsService;
        this.customers = customers;
    }

    /** Latencies in ms of the samples that arrived within the wait, in send order. */
    public List<Double> measure(int samples, Duration spacing, Duration wait) throws Exception {
        Thread reader = new Thread(this::readStream, "alert-stream");
        reader.setDaemon(true);
        reader.start();
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the alert stream did not answer within 30 s");
        }
        for (int i = 0; i < samples; i++) {
            openOverdueDeal(1 + (i * 97) % customers);
            Thread.sleep(spacing.toMillis());
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (!arrived.keySet().containsAll(sent.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        reader.interrupt();
        List<Double> latencies = new ArrayList<>();
        sent.forEach((id, at) -> {
            Long came = arrived.get(id);
            if (came != null) {
                latencies.add((came - at) / 1e6);
            }
        });
        return latencies;
    }

    private void openOverdueDeal(int customer) throws Exception {
        LocalDate today = LocalDate.now();
        String body = """
                {"customerId": "%s", "name": "过期商机 %d", "amount": 50000, "expectedCloseDate": "%s", "openedOn": "%s"}"""
                .formatted(Ids.customer(customer), System.nanoTime(), today.minusDays(5), today.minusDays(40));
        long at = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(customerService + "/api/v1/opportunities"))
                .header("Authorization", "Bearer " + TestTokens.rep(Ids.ownerOf(customer), Ids.TEAM))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("POST /opportunities answered " + response.statusCode() + ": " + response.body());
        }
        sent.put(id.group(1), at);
    }

    private void readStream() {
        HttpRequest stream = HttpRequest.newBuilder(URI.create(analyticsService + "/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + TestTokens.admin("bench-admin"))
                .header("Accept", "text/event-stream").build();
        try {
            http.send(stream, info -> {
                connected.countDown();
                return HttpResponse.BodySubscribers.ofLines(StandardCharsets.UTF_8);
            }).body().forEach(line -> {
                Matcher subject = SUBJECT.matcher(line);
                if (line.startsWith("data:") && subject.find()) {
                    arrived.putIfAbsent(subject.group(1), System.nanoTime());
                }
            });
        } catch (Exception e) {
            // Interrupted at the end of the measurement, or the stream closed: what arrived is counted.
        }
    }
}
