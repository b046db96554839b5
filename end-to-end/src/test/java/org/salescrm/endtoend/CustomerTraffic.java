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
import java.util.Set;
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
 * One rep creating customers through customer-service at a steady pace while faults strike, and the counts that
 * show what came through: every answered create is a customer, and analytics counted each customer exactly once.
 */
final class CustomerTraffic implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final String customerService;
    private final String rep = "rep-faults-" + UUID.randomUUID();
    private final String token = TestTokens.rep(rep, "east");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();

    CustomerTraffic(String customerService) {
        this.customerService = customerService;
    }

    /** Sends one create every {@code every}, one at a time; a create that fails or times out is simply not counted. */
    CustomerTraffic start(Duration every) {
        sender.scheduleWithFixedDelay(this::createOne, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** What came through, by SQL: once analytics has caught up with customer-service, or the wait is over. */
    record Counts(int answered, int refused, long inSource, long answeredButMissing, long unsentEvents,
                  long countedByAnalytics) {
    }

    /**
     * Waits until every event is published and analytics has counted every customer, then holds three seconds
     * (a redelivery applied late would show as a count above the source), and counts. Call it after {@link #close}.
     */
    Counts settle(Duration wait) throws SQLException {
        try {
            await().atMost(wait).until(() -> unsentEvents() == 0 && countedByAnalytics() >= inSource());
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> countedByAnalytics() == inSource());
        } catch (ConditionTimeoutException e) {
            // The counts below say what is wrong better than the timeout does.
        }
        return new Counts(answered.size(), refused.get(), inSource(), answeredButMissing(), unsentEvents(),
                countedByAnalytics());
    }

    /** Creates refused or failed so far (an outage's answers). */
    int refused() {
        return refused.get();
    }

    /** Creates answered 201 so far: each must exist, whatever struck after the answer. */
    int answered() {
        return answered.size();
    }

    /** Customers of the rep in customer-service: the answered ones plus any committed whose answer was lost. */
    long inSource() throws SQLException {
        return count("customer", "SELECT count(*) FROM customer WHERE owner_id = ?", rep);
    }

    /** Answered creates whose customer is missing from customer-service: must be 0. */
    private long answeredButMissing() throws SQLException {
        return count("customer", "SELECT ? - count(*) FROM customer WHERE id = ANY (?::uuid[])", answered.size(),
                "{" + String.join(",", answered) + "}");
    }

    /** Events customer-service committed but has not published. */
    private long unsentEvents() throws SQLException {
        return count("customer", "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL");
    }

    /** New customers analytics counted for the rep: a doubled event counts twice, a lost one not at all. */
    long countedByAnalytics() throws SQLException {
        return count("analytics", "SELECT coalesce(sum(new_customers), 0) FROM rep_activity WHERE owner_id = ?", rep);
    }

    private void createOne() {
        String body = "{\"name\":\"故障演练客户 %s\",\"grade\":\"B\"}".formatted(UUID.randomUUID());
        HttpRequest request = HttpRequest.newBuilder(URI.create(customerService + "/api/v1/customers"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(response.body());
            if (response.statusCode() == 201 && id.find()) {
                answered.add(id.group(1));
            } else {
                refused.incrementAndGet();
            }
        } catch (IOException e) {
            refused.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
