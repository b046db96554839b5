package org.salescrm.endtoend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.ServiceProcess;
import org.salescrm.embedded.SharedPostgres;
import org.salescrm.testsupport.TestTokens;

/**
 * A load run, not a test: creates customers in customer-service from several clients at once and
 * prints throughput and latency percentiles, then how fast the events reach analytics-service.
 * Not part of {@code verify}; run it with
 * {@code ./mvnw -pl end-to-end verify -Dit.test=CustomerFlowBenchmark} (see the module README).
 */
class CustomerFlowBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int REQUESTS = Integer.getInteger("bench.requests", 2000);
    static final int WARM_UP = Integer.getInteger("bench.warmup", 300);

    static ServiceProcess customers;
    static ServiceProcess analytics;

    @BeforeAll
    static void startServices() {
        Map<String, String> settings = new HashMap<>(Map.of("crm.rate-limit.enabled", "false"));
        // Extra service settings for an experiment: -Dbench.settings=crm.outbox.enabled=false,...
        for (String pair : System.getProperty("bench.settings", "").split(",")) {
            if (pair.contains("=")) {
                settings.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        customers = RunningServices.start("customer-service", "customer", settings);
        analytics = RunningServices.start("analytics-service", "analytics", settings);
    }

    @AfterAll
    static void stopServices() {
        analytics.close();
        customers.close();
    }

    @Test
    void createCustomersUnderLoad() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> reps = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            reps.add("bench-" + UUID.randomUUID());
        }
        run(http, reps, WARM_UP);
        long factsBefore = customerFacts();

        long started = System.nanoTime();
        List<Long> latencies = run(http, reps, REQUESTS);
        double seconds = (System.nanoTime() - started) / 1e9;
        long lastCreated = System.nanoTime();

        while (customerFacts() < factsBefore + REQUESTS && Boolean.parseBoolean(System.getProperty("bench.await", "true"))) {
            Thread.onSpinWait();
        }
        double drained = (System.nanoTime() - lastCreated) / 1e9;
        double ingest = REQUESTS / ((System.nanoTime() - started) / 1e9);

        Collections.sort(latencies);
        System.out.printf("%nPOST /api/v1/customers: %d requests, %d clients, %.0f req/s%n", REQUESTS, CLIENTS,
                REQUESTS / seconds);
        System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", percentile(latencies, 50),
                percentile(latencies, 95), percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);
        System.out.printf("analytics caught up %.2f s after the last create; end to end %.0f events/s%n%n",
                drained, ingest);
    }

    private static List<Long> run(HttpClient http, List<String> reps, int requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(reps.size());
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (String rep : reps) {
                String token = TestTokens.rep(rep, "east");
                results.add(clients.submit(() -> createMany(http, token, requests / reps.size())));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                latencies.addAll(result.get());
            }
            return latencies;
        } finally {
            clients.shutdownNow();
        }
    }

    private static List<Long> createMany(HttpClient http, String token, int count) throws Exception {
        List<Long> latencies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(customers.baseUrl() + "/api/v1/customers"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"压测客户" + UUID.randomUUID() + "\",\"grade\":\"B\"}"))
                    .build();
            long sent = System.nanoTime();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            latencies.add(System.nanoTime() - sent);
            if (status != 201) {
                throw new IllegalStateException("create answered " + status);
            }
        }
        return latencies;
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static long customerFacts() throws SQLException {
        try (Connection db = DriverManager.getConnection(SharedPostgres.jdbcUrl("analytics"),
                SharedPostgres.username(), SharedPostgres.password());
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM customer_fact")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
