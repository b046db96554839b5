package org.salescrm.endtoend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salescrm.embedded.ServiceProcess;
import org.salescrm.testsupport.TestTokens;

/**
 * A load run, not a test: several clients walk customers through every customer endpoint (create,
 * read, list, edit, history, release, claim, transfer, bulk transfer, import) and the latency
 * percentiles are printed per endpoint. Not part of {@code verify}; run it with
 * {@code ./mvnw -pl end-to-end verify -Dit.test=CustomerEndpointsBenchmark} (see the module README).
 */
class CustomerEndpointsBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 150);
    static final int WARM_UP = Integer.getInteger("bench.warmup", 50);
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern TRANSFERRED = Pattern.compile("\"transferred\"\\s*:\\s*(\\d+)");
    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    static ServiceProcess customers;
    final HttpClient http = HttpClient.newHttpClient();
    final Map<String, List<Long>> latencies = new TreeMap<>();
    /** Customers moved by the bulk transfers, which hand over everything the rep holds by then. */
    final List<Integer> bulkSizes = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startService() {
        customers = RunningServices.start("customer-service", "customer", Map.of(
                "crm.rate-limit.enabled", "false",
                "crm.pool.max-customers-per-rep", "100000",
                "crm.pool.reclaim-cooldown-days", "0"));
    }

    @AfterAll
    static void stopService() {
        customers.close();
    }

    @Test
    void everyCustomerEndpointUnderLoad() throws Exception {
        runClients(WARM_UP);
        synchronized (latencies) {
            latencies.clear();
        }
        bulkSizes.clear();
        long started = System.nanoTime();
        runClients(ROUNDS);
        double seconds = (System.nanoTime() - started) / 1e9;

        long total = latencies.values().stream().mapToLong(List::size).sum();
        System.out.printf("%ncustomer-service: %d clients x %d rounds, %d requests in %.1f s (%.0f req/s)%n",
                CLIENTS, ROUNDS, total, seconds, total / seconds);
        System.out.printf("%-40s %7s %8s %8s %8s %8s%n", "endpoint", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
        latencies.forEach((endpoint, values) -> {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            System.out.printf("%-40s %7d %8.1f %8.1f %8.1f %8.1f%n", endpoint, sorted.size(), percentile(sorted, 50),
                    percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
        });
        System.out.printf("bulk transfers moved %.0f customers each on average (max %d)%n%n",
                bulkSizes.stream().mapToInt(Integer::intValue).average().orElse(0),
                bulkSizes.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    private void runClients(int rounds) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                done.add(clients.submit(() -> {
                    client(rounds);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** One rep's day: each round one customer through every action, a bulk handover and an import now and then. */
    private void client(int rounds) throws Exception {
        String rep = "bench-" + UUID.randomUUID();
        String colleague = "bench-" + UUID.randomUUID();
        String repToken = TestTokens.rep(rep, "east");
        String colleagueToken = TestTokens.rep(colleague, "east");
        String manager = TestTokens.manager("bench-mgr-" + UUID.randomUUID(), "east");
        for (int round = 0; round < rounds; round++) {
            String body = call("POST /customers", "POST", "/api/v1/customers", repToken, "application/json",
                    "{\"name\":\"压测客户" + UUID.randomUUID() + "有限公司\",\"grade\":\"B\",\"industry\":\"制造业\"}", 201);
            String id = match(ID, body);
            String read = call("GET /customers/{id}", "GET", "/api/v1/customers/" + id, repToken, null, null, 200);
            call("GET /customers?q=", "GET", "/api/v1/customers?q=%E5%8E%8B%E6%B5%8B&limit=20", repToken, null,
                    null, 200);
            call("PATCH /customers/{id}", "PATCH", "/api/v1/customers/" + id, repToken, "application/json",
                    "{\"grade\":\"A\",\"region\":\"华东\"}", 200, "If-Match", match(VERSION, read));
            call("GET /customers/{id}/history", "GET", "/api/v1/customers/" + id + "/history", repToken, null, null,
                    200);
            call("POST /customers/{id}/release", "POST", "/api/v1/customers/" + id + "/release", repToken,
                    "application/json", "{\"reason\":\"压测\"}", 200);
            call("POST /customers/{id}/claim", "POST", "/api/v1/customers/" + id + "/claim", colleagueToken, null,
                    null, 200);
            call("POST /customers/{id}/transfer", "POST", "/api/v1/customers/" + id + "/transfer", manager,
                    "application/json", "{\"toOwnerId\":\"" + rep + "\",\"toTeam\":\"east\",\"reason\":\"压测\"}", 200);
            if (round % 10 == 9) {
                String moved = call("POST /customer-transfers", "POST", "/api/v1/customer-transfers", manager,
                        "application/json", "{\"fromOwnerId\":\"" + rep + "\",\"toOwnerId\":\"" + colleague
                                + "\",\"toTeam\":\"east\",\"reason\":\"压测\"}", 200);
                bulkSizes.add(Integer.parseInt(match(TRANSFERRED, moved)));
                call("POST /customers/imports (20 rows)", "POST", "/api/v1/customers/imports", repToken,
                        "text/csv; charset=UTF-8", importFile(), 200);
                String swap = repToken;
                repToken = colleagueToken;
                colleagueToken = swap;
                String who = rep;
                rep = colleague;
                colleague = who;
            }
        }
    }

    private static String importFile() {
        StringBuilder csv = new StringBuilder("name,grade,industry\n");
        for (int i = 0; i < 20; i++) {
            csv.append("导入客户").append(UUID.randomUUID()).append(",C,零售\n");
        }
        return csv.toString();
    }

    private String call(String endpoint, String method, String path, String token, String contentType, String body,
                        int expected, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(customers.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - sent;
        if (response.statusCode() != expected) {
            throw new IllegalStateException(endpoint + " answered " + response.statusCode() + ": " + response.body());
        }
        synchronized (latencies) {
            latencies.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(took);
        }
        return response.body();
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return m.group(1);
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
