package org.salescrm.endtoend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.salescrm.embedded.SharedPostgres;
import org.salescrm.testsupport.TestTokens;

/**
 * One rep's working day through the public APIs at a steady pace, one request per tick: creates customers, logs
 * visits for them, moves deals through the funnel to WON (TARGET → POTENTIAL → INTENT, a decision maker, the
 * evidence, WON), creates follow-ups and completes them and, when asked, reads lists. Every answer is counted by
 * status; what was answered 2xx is remembered, so SQL can show afterwards that each accepted request is stored and
 * that every consumer applied its event exactly once. A request refused or unanswered (an outage) is retried at a
 * later tick, never counted as done.
 */
final class SalesTraffic implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    /** A visit or follow-up names a customer visit-service has had time to hear of. */
    private static final long REPLICATED_AFTER_NANOS = Duration.ofSeconds(10).toNanos();

    /** The databases of the four services, as {@link RunningServices#start} created them. */
    record Databases(String customer, String visit, String analytics, String target) {
    }

    private final String customerService;
    private final String visitService;
    private final boolean reads;
    private final Databases databases;
    private final String rep = "rep-traffic-" + UUID.randomUUID();
    private final String token = TestTokens.rep(rep, "east");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    // Touched by the sender thread only, but read by the test thread afterwards: kept in concurrent sets.
    private final Set<String> customers = ConcurrentHashMap.newKeySet();
    private final Set<String> visits = ConcurrentHashMap.newKeySet();
    private final Set<String> wonDeals = ConcurrentHashMap.newKeySet();
    private final Set<String> completedFollowUps = ConcurrentHashMap.newKeySet();
    private final Deque<Created> replicable = new ArrayDeque<>();
    private final List<String> ripe = new ArrayList<>();
    private final Deque<Deal> deals = new ArrayDeque<>();
    private final Deque<String> openFollowUps = new ArrayDeque<>();
    private int tick;
    private int followUpTurns;

    SalesTraffic(String customerService, String visitService, Databases databases, boolean reads) {
        this.customerService = customerService;
        this.visitService = visitService;
        this.databases = databases;
        this.reads = reads;
    }

    /** One request every {@code every}, one at a time. */
    SalesTraffic start(Duration every) {
        sender.scheduleWithFixedDelay(this::next, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Requests answered 2xx so far, of every kind. */
    int answered() {
        return answered.get();
    }

    /** Requests refused or unanswered so far (an outage's answers). */
    int refused() {
        return refused.get();
    }

    /** Answers by operation and status ({@code POST /visits 201}), and {@code no answer} for a connection failure. */
    Map<String, Integer> statuses() {
        Map<String, Integer> copy = new TreeMap<>();
        statuses.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }

    private void next() {
        try {
            int step = tick++ % (reads ? 6 : 5);
            switch (step) {
                case 0 -> createCustomer();
                case 1 -> logVisit();
                case 2, 3 -> moveDeal();
                case 4 -> followUp();
                default -> readList(tick / 6);
            }
        } catch (RuntimeException e) {
            // A tick that failed in our own code must not end the schedule; it shows as a miss in the counts.
            count("tick " + e.getClass().getSimpleName(), false);
        }
    }

    private void createCustomer() {
        Answer answer = send("POST", customerService + "/api/v1/customers", "/customers",
                "{\"name\":\"流量客户 %s\",\"grade\":\"B\"}".formatted(UUID.randomUUID()));
        if (answer.status() == 201 && answer.id() != null) {
            customers.add(answer.id());
            replicable.add(new Created(answer.id(), System.nanoTime()));
        }
    }

    /** A customer visit-service has had time to hear of; null until one is. */
    private String ripeCustomer() {
        while (!replicable.isEmpty() && System.nanoTime() - replicable.peek().at() > REPLICATED_AFTER_NANOS) {
            ripe.add(replicable.poll().id());
        }
        return ripe.isEmpty() ? null : ripe.get(tick % ripe.size());
    }

    private void logVisit() {
        String customer = ripeCustomer();
        if (customer == null) {
            return;
        }
        String body = """
                {"customerId":"%s","method":"ONSITE","occurredAt":"%s","summary":"演练拜访","clientId":"%s"}"""
                .formatted(customer, java.time.Instant.now().minusSeconds(60), UUID.randomUUID());
        Answer answer = send("POST", visitService + "/api/v1/visits", "/visits", body);
        if (answer.status() == 201 && answer.id() != null) {
            visits.add(answer.id());
        }
    }

    /** One step of the oldest deal in the funnel; a new deal opens when fewer than three are under way. */
    private void moveDeal() {
        if (deals.size() < 3 && customers.size() > deals.size()) {
            deals.add(new Deal(customers.stream().skip(tick % customers.size()).findFirst().orElseThrow()));
        }
        Deal deal = deals.poll();
        if (deal == null) {
            return;
        }
        if (deal.advance()) {
            if (deal.won()) {
                wonDeals.add(deal.id);
                return;
            }
        }
        deals.add(deal);
    }

    private void followUp() {
        // Every other turn completes the oldest open follow-up (a counter of its own: the tick's parity is fixed
        // at this step of the cycle).
        if (!openFollowUps.isEmpty() && followUpTurns++ % 2 == 1) {
            String id = openFollowUps.poll();
            Answer answer = send("POST", visitService + "/api/v1/follow-ups/" + id + "/complete",
                    "/follow-ups/{id}/complete", "{\"result\":\"已完成\"}");
            if (answer.status() == 200) {
                completedFollowUps.add(id);
            } else {
                openFollowUps.add(id);
            }
            return;
        }
        String customer = ripeCustomer();
        if (customer == null) {
            return;
        }
        Answer answer = send("POST", visitService + "/api/v1/follow-ups", "/follow-ups",
                "{\"customerId\":\"%s\",\"action\":\"送报价\",\"dueOn\":\"%s\"}".formatted(customer,
                        LocalDate.now(BUSINESS_ZONE).plusDays(7)));
        if (answer.status() == 201 && answer.id() != null) {
            openFollowUps.add(answer.id());
        }
    }

    private void readList(int round) {
        switch (round % 4) {
            case 0 -> send("GET", customerService + "/api/v1/customers?limit=50", "/customers", null);
            case 1 -> send("GET", customerService + "/api/v1/opportunities?limit=50", "/opportunities", null);
            case 2 -> send("GET", visitService + "/api/v1/visits?limit=50", "/visits", null);
            default -> send("GET", visitService + "/api/v1/follow-ups?limit=50", "/follow-ups", null);
        }
    }

    /** A deal on its way to WON, one request per step; a step not answered 2xx is tried again later. */
    private final class Deal {
        private final String customer;
        private String id;
        private long version;
        private int step;

        Deal(String customer) {
            this.customer = customer;
        }

        boolean won() {
            return step == 7;
        }

        boolean advance() {
            String opportunity = customerService + "/api/v1/opportunities/" + id;
            Answer answer = switch (step) {
                case 0 -> send("POST", customerService + "/api/v1/opportunities", "/opportunities",
                        "{\"customerId\":\"%s\",\"name\":\"演练商机\",\"amount\":100000,\"expectedCloseDate\":\"%s\"}"
                                .formatted(customer, LocalDate.now(BUSINESS_ZONE).plusDays(30)));
                case 1 -> stage(opportunity, "POTENTIAL");
                case 2 -> stage(opportunity, "INTENT");
                case 3 -> send("POST", customerService + "/api/v1/customers/" + customer + "/key-persons",
                        "/customers/{id}/key-persons", "{\"name\":\"王总\",\"kpType\":\"DECISION_MAKER\"}");
                case 4 -> send("GET", opportunity, "/opportunities/{id}", null);
                case 5 -> send("PATCH", opportunity, "/opportunities/{id}", """
                        {"budget":100000,"quoteAmount":100000,"contractSignedOn":"%s","firstPaymentOn":"%s"}"""
                        .formatted(LocalDate.now(BUSINESS_ZONE), LocalDate.now(BUSINESS_ZONE)), version);
                default -> stage(opportunity, "WON");
            };
            if (answer.status() / 100 != 2) {
                // A stale version (someone else's change, or our own PATCH whose answer was lost) is read again.
                step = step == 5 ? 4 : step;
                return false;
            }
            if (step == 0) {
                id = answer.id();
            }
            if (answer.version() >= 0) {
                version = answer.version();
            }
            step++;
            return true;
        }

        private Answer stage(String opportunity, String stage) {
            return send("POST", opportunity + "/stage", "/opportunities/{id}/stage", "{\"stage\":\"" + stage + "\"}");
        }
    }

    private record Created(String id, long at) {
    }

    private record Answer(int status, String id, long version) {
    }

    private Answer send(String method, String url, String operation, String body) {
        return send(method, url, operation, body, -1);
    }

    private Answer send(String method, String url, String operation, String body, long ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch >= 0) {
            request.header("If-Match", Long.toString(ifMatch));
        }
        String label = method + " " + operation;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            count(label + " " + response.statusCode(), response.statusCode() / 100 == 2);
            Matcher id = ID.matcher(response.body());
            Matcher version = VERSION.matcher(response.body());
            return new Answer(response.statusCode(), id.find() ? id.group(1) : null,
                    version.find() ? Long.parseLong(version.group(1)) : -1);
        } catch (IOException e) {
            count(label + " no answer", false);
            return new Answer(0, null, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, -1);
        }
    }

    private void count(String what, boolean ok) {
        statuses.computeIfAbsent(what, key -> new AtomicInteger()).incrementAndGet();
        (ok ? answered : refused).incrementAndGet();
    }

    /** What the producing services hold for the rep: the source every consumer must agree with. */
    record Source(long customers, long visits, long wonDeals, long completedFollowUps) {
    }

    /** What a consumer applied, by SQL: a counter applied twice reads above the source, a lost event below. */
    record Applied(long analyticsCustomers, long analyticsVisits, long analyticsWonDeals,
                   long analyticsCompletedFollowUps, long targetCustomers, long targetVisits, long targetWonDeals) {

        boolean atLeast(Source source) {
            return analyticsCustomers >= source.customers() && analyticsVisits >= source.visits()
                    && analyticsWonDeals >= source.wonDeals() && analyticsCompletedFollowUps >= source.completedFollowUps()
                    && targetCustomers >= source.customers() && targetVisits >= source.visits()
                    && targetWonDeals >= source.wonDeals();
        }

        boolean exactly(Source source) {
            return equals(of(source));
        }

        /** What the consumers must have applied for this source: each event once. */
        static Applied of(Source source) {
            return new Applied(source.customers(), source.visits(), source.wonDeals(), source.completedFollowUps(),
                    source.customers(), source.visits(), source.wonDeals());
        }
    }

    /** Answered 2xx, and whether each such request's record is stored as answered. */
    record Lost(int customers, long customersMissing, int visits, long visitsMissing, int wonDeals,
                long wonDealsMissing, int completedFollowUps, long completionsMissing) {

        long missing() {
            return customersMissing + visitsMissing + wonDealsMissing + completionsMissing;
        }
    }

    Source source() throws SQLException {
        return new Source(
                count(databases.customer(), "SELECT count(*) FROM customer WHERE owner_id = ?", rep),
                count(databases.visit(), "SELECT count(*) FROM visit WHERE owner_id = ?", rep),
                count(databases.customer(), "SELECT count(*) FROM opportunity WHERE owner_id = ? AND status = 'WON'",
                        rep),
                count(databases.visit(), "SELECT count(*) FROM follow_up WHERE owner_id = ? AND status = 'DONE'",
                        rep));
    }

    Applied applied() throws SQLException {
        return new Applied(
                count(databases.analytics(),
                        "SELECT coalesce(sum(new_customers), 0) FROM rep_activity WHERE owner_id = ?", rep),
                count(databases.analytics(), "SELECT coalesce(sum(visits), 0) FROM rep_activity WHERE owner_id = ?",
                        rep),
                count(databases.analytics(),
                        "SELECT coalesce(sum(won_deals), 0) FROM rep_activity WHERE owner_id = ?", rep),
                count(databases.analytics(),
                        "SELECT count(*) FROM follow_up_fact WHERE owner_id = ? AND status = 'COMPLETED'", rep),
                count(databases.target(),
                        "SELECT count(*) FROM actual_fact WHERE rep_id = ? AND metric = 'NEW_CUSTOMERS'", rep),
                count(databases.target(), "SELECT count(*) FROM actual_fact WHERE rep_id = ? AND metric = 'VISITS'",
                        rep),
                count(databases.target(), "SELECT count(*) FROM actual_fact WHERE rep_id = ? AND metric = 'REVENUE'",
                        rep));
    }

    Lost lost() throws SQLException {
        return new Lost(customers.size(), missing(databases.customer(), "customer", "", customers),
                visits.size(), missing(databases.visit(), "visit", "", visits),
                wonDeals.size(), missing(databases.customer(), "opportunity", " AND status = 'WON'", wonDeals),
                completedFollowUps.size(),
                missing(databases.visit(), "follow_up", " AND status = 'DONE'", completedFollowUps));
    }

    /**
     * Waits until every event is published and applied, then holds three seconds (a redelivery applied late would
     * show as a count above the source), and returns the source as it then is. Call it after {@link #close}.
     */
    Source settle(Duration wait) throws SQLException {
        try {
            await().atMost(wait).ignoreExceptions().until(() -> unsentEvents() == 0 && applied().atLeast(source()));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).ignoreExceptions()
                    .until(() -> applied().exactly(source()));
        } catch (ConditionTimeoutException e) {
            // The counts the test prints say what is wrong better than the timeout does.
        }
        return source();
    }

    /** Events committed by the producers (customer- and visit-service) but not yet published. */
    long unsentEvents() throws SQLException {
        String unsent = "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL";
        return count(databases.customer(), unsent) + count(databases.visit(), unsent);
    }

    private static long missing(String database, String table, String condition, Collection<String> ids)
            throws SQLException {
        return count(database, "SELECT ? - count(*) FROM " + table + " WHERE id = ANY (?::uuid[])" + condition,
                ids.size(), "{" + String.join(",", ids) + "}");
    }

    private static long count(String database, String sql, Object... parameters) throws SQLException {
        try (Connection db = DriverManager.getConnection(SharedPostgres.jdbcUrl(database), SharedPostgres.username(),
                SharedPostgres.password());
             PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
