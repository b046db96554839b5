package org.salescrm.analytics.delivery.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.salescrm.platform.polling.CoalescingPoller;

/**
 * POSTs pending deliveries to their receivers, signed, or mails them for EMAIL subscriptions, and
 * retries failures with exponential back-off until {@code crm.webhooks.max-attempts}, then marks
 * them FAILED. Every attempt is logged.
 *
 * <p>Several instances may run it: a delivery is claimed with {@code FOR UPDATE SKIP LOCKED} and
 * leased (its next attempt pushed past the time a send can take) before it is sent, so no two
 * instances send it at once, and one whose instance died mid-send is retried once the lease runs
 * out. The HTTP calls are made outside any transaction, so a slow receiver holds no lock and no
 * connection.
 *
 * <p>A pass starts when deliveries have been stored ({@link #wake()}, by the consumers once their
 * transaction has committed) and, for retries that have come due and for deliveries stored by another
 * instance, every {@code crm.webhooks.dispatch-interval}. Passes run on the dispatcher's own thread, a
 * {@link CoalescingPoller}: a burst of alerts costs a pass or two, and passes never overlap.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ERROR_LENGTH = 500;
    static final String EVENT_ID_HEADER = "X-Crm-Event-Id";
    static final String EVENT_TYPE_HEADER = "X-Crm-Event-Type";
    static final String DELIVERY_ID_HEADER = "X-Crm-Delivery-Id";

    private final Pool pool;
    private final Clock clock;
    private final RobotMessages robots;
    private final MailMessages mails;
    private final ReactiveMailer mailer;
    private final WebhookConfig config;
    private final WebhookTargets targets;
    private final Backoff backoff;
    private final WebClient client;
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter gaveUp;
    private final CoalescingPoller passes;
    private boolean lastPassFailed;

    public WebhookDispatcher(Pool pool, Clock clock, WebhookConfig config, WebhookTargets targets, Vertx vertx,
                             MeterRegistry metrics, RobotMessages robots, MailMessages mails, ReactiveMailer mailer) {
        this.pool = pool;
        this.robots = robots;
        this.mails = mails;
        this.mailer = mailer;
        this.clock = clock;
        this.config = config;
        this.targets = targets;
        this.backoff = Backoff.of(config);
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setUserAgent("salescrm-webhooks")
                .setConnectTimeout((int) config.requestTimeout().toMillis()));
        this.delivered = metrics.counter("crm.webhooks.delivered");
        this.failedAttempts = metrics.counter("crm.webhooks.failed.attempts");
        this.gaveUp = metrics.counter("crm.webhooks.failed");
        this.passes = new CoalescingPoller("webhook-dispatcher", this::dispatchDue);
    }

    /** Asks for a pass soon; returns at once (it may be called on an event loop). */
    public void wake() {
        passes.wake();
    }

    @Scheduled(every = "${crm.webhooks.dispatch-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        passes.wake();
    }

    private void dispatchDue() {
        if (passes.stopping()) {
            return;
        }
        try {
            int sent;
            do {
                sent = dispatchBatch();
            } while (sent == config.batchSize() && !passes.stopping());
            if (lastPassFailed) {
                LOG.info("webhook dispatch running again");
                lastPassFailed = false;
            }
        } catch (RuntimeException e) {
            // Said once per outage, not once a second.
            if (!lastPassFailed) {
                LOG.warnf("webhook dispatch paused, deliveries stay pending: %s", e.getMessage());
            }
            lastPassFailed = true;
        }
    }

    /** Claims what is due, sends it all in parallel, records each outcome. Returns how many were sent. */
    int dispatchBatch() {
        List<Due> due = claimDue(clock.instant());
        if (due.isEmpty()) {
            return 0;
        }
        List<Outcome> outcomes = Uni.join().all(due.stream().map(this::send).toList()).andCollectFailures()
                .await().atMost(lease());
        outcomes.forEach(this::record);
        return due.size();
    }

    private List<Due> claimDue(Instant now) {
        List<Due> due = new ArrayList<>();
        pool.preparedQuery("""
                        WITH due AS (
                            SELECT d.id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                            WHERE d.status = 'PENDING' AND d.next_attempt_at <= $1 AND s.deleted_at IS NULL
                            ORDER BY d.next_attempt_at LIMIT $3 FOR UPDATE OF d SKIP LOCKED)
                        UPDATE webhook_delivery d SET next_attempt_at = $2, updated_at = $1
                        FROM due, webhook_subscription s
                        WHERE d.id = due.id AND s.id = d.subscription_id
                        RETURNING d.id, d.attempts, d.payload, d.event_id, d.event_type, s.url, s.secret, s.format, s.email""")
                .execute(Tuple.of(WebhookSubscriptions.utc(now), WebhookSubscriptions.utc(now.plus(lease())),
                        config.batchSize()))
                .await().atMost(DB_TIMEOUT)
                .forEach(row -> due.add(Due.of(row)));
        return due;
    }

    /**
     * Never fails: a receiver that cannot be reached, or whose host now resolves to an address a
     * webhook may not reach, or an SMTP server that refuses the mail, is an outcome like any answer.
     */
    private Uni<Outcome> send(Due due) {
        Instant attemptedAt = clock.instant();
        long started = System.nanoTime();
        Uni<Outcome> sent = due.format() == WebhookFormat.EMAIL
                ? mail(due).map(accepted -> new Outcome(due, attemptedAt, null, null, elapsedMillis(started)))
                : post(due, attemptedAt).map(response -> new Outcome(due, attemptedAt, response.statusCode(),
                        refusal(due.format(), response), elapsedMillis(started)));
        return sent.onFailure().recoverWithItem(failure -> new Outcome(due, attemptedAt, null, describe(failure),
                elapsedMillis(started)));
    }

    /**
     * Done once the SMTP server has accepted the mail; bounded by the request timeout like a POST. Deferred, so an
     * address the mail client cannot use fails this attempt rather than the whole batch.
     */
    private Uni<Void> mail(Due due) {
        return Uni.createFrom().deferred(() -> mailer.send(
                        mails.mail(due.email(), due.eventId().toString(), due.eventType(), due.payload())))
                .ifNoItem().after(config.requestTimeout()).fail();
    }

    private Uni<HttpResponse<Buffer>> post(Due due, Instant attemptedAt) {
        // A robot format is signed like any delivery (the robot ignores the headers): the signature covers what is sent.
        String body = robots.body(due.format(), due.payload());
        return targets.destination(due.url())
                .chain(destination -> signed(request(destination, due, attemptedAt), due, body, attemptedAt)
                        .sendBuffer(Buffer.buffer(body)));
    }

    /**
     * Why the receiver did not take the delivery, or null when it did: a status other than 2xx, or, from a group
     * robot, a 200 whose JSON carries a non-zero {@code errcode} (DingTalk and WeCom answer 200 to a wrong signature,
     * a missing keyword, an unknown token or too many messages, and say so only in the body).
     */
    private String refusal(WebhookFormat format, HttpResponse<Buffer> response) {
        if (response.statusCode() / 100 != 2) {
            return "the receiver answered " + response.statusCode();
        }
        return format == WebhookFormat.STANDARD ? null : robots.refusal(response.bodyAsString());
    }

    /**
     * Connects to the address that was checked, so a second DNS answer cannot send the POST elsewhere. A
     * DingTalk robot with a secret gets the URL signed its own way (加签), anew on every attempt.
     */
    private HttpRequest<Buffer> request(WebhookTargets.Destination destination, Due due, Instant attemptedAt) {
        String url = due.format() == WebhookFormat.DINGTALK && due.secret() != null
                ? DingTalkSignature.signed(destination.uri(), due.secret(), attemptedAt.toEpochMilli()).toString()
                : destination.uri().toString();
        return destination.address() == null
                ? client.postAbs(url)
                : client.requestAbs(HttpMethod.POST,
                        SocketAddress.inetSocketAddress(destination.port(), destination.address().getHostAddress()), url);
    }

    /**
     * Standard Webhooks headers: the event's id (the same on every retry, so a receiver drops
     * repeats), the attempt's time in unix seconds, and both signed with the body when the
     * subscription has a secret (a robot's may have none).
     */
    private HttpRequest<Buffer> signed(HttpRequest<Buffer> request, Due due, String body, Instant attemptedAt) {
        String id = due.eventId().toString();
        long timestamp = attemptedAt.getEpochSecond();
        request.timeout(config.requestTimeout().toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json; charset=UTF-8")
                .putHeader(WebhookSignature.ID_HEADER, id)
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(EVENT_ID_HEADER, id)
                .putHeader(EVENT_TYPE_HEADER, due.eventType())
                .putHeader(DELIVERY_ID_HEADER, due.id().toString());
        if (due.secret() != null) {
            request.putHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.standard(due.secret(), id, timestamp, body))
                    .putHeader(WebhookSignature.LEGACY_HEADER, WebhookSignature.legacy(due.secret(), body));
        }
        return request;
    }

    /** The attempt goes into the log; the delivery is done, given up, or due again after its back-off. */
    private void record(Outcome outcome) {
        Due due = outcome.due();
        int attempt = due.attempts() + 1;
        Instant now = clock.instant();
        String status;
        Instant next = null;
        if (outcome.succeeded()) {
            status = "DELIVERED";
            delivered.increment();
        } else if (attempt >= config.maxAttempts()) {
            status = "FAILED";
            gaveUp.increment();
            LOG.warnf("webhook delivery %s failed for good after %d attempts: %s", due.id(), attempt, outcome.error());
        } else {
            status = "PENDING";
            next = backoff.next(now, attempt);
            failedAttempts.increment();
        }
        Tuple attemptRow = Tuple.from(Arrays.asList(due.id(), attempt, WebhookSubscriptions.utc(outcome.attemptedAt()),
                outcome.statusCode(), outcome.error(), outcome.durationMillis()));
        Tuple deliveryRow = Tuple.from(Arrays.asList(due.id(), attempt, status, outcome.statusCode(), outcome.error(),
                WebhookSubscriptions.utc(next), outcome.succeeded() ? WebhookSubscriptions.utc(now) : null,
                WebhookSubscriptions.utc(now)));
        pool.withTransaction(tx -> tx.preparedQuery("""
                                INSERT INTO webhook_delivery_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                                VALUES ($1, $2, $3, $4, $5, $6)""").execute(attemptRow)
                        .chain(() -> tx.preparedQuery("""
                                UPDATE webhook_delivery SET attempts = $2, status = $3, last_status_code = $4, last_error = $5,
                                    next_attempt_at = $6, delivered_at = $7, updated_at = $8
                                WHERE id = $1""").execute(deliveryRow)))
                .await().atMost(DB_TIMEOUT);
    }

    /** Long enough for a send and its bookkeeping; a delivery claimed longer ago belonged to an instance that died. */
    private Duration lease() {
        return config.requestTimeout().multipliedBy(3);
    }

    private static long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private String describe(Throwable failure) {
        String text;
        if (failure instanceof TimeoutException) {
            text = "no answer within " + config.requestTimeout().toMillis() + " ms";
        } else if (failure instanceof WebhookTargets.Refused || failure instanceof WebhookTargets.UnresolvedHost) {
            text = failure.getMessage();
        } else {
            text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    void onStop(@Observes ShutdownEvent event) {
        // the pass in flight records the answers it gets in time; what it cannot is sent again once its lease ends
        passes.stop(config.requestTimeout());
        client.close();
    }

    /** A claimed delivery with what sending it needs. */
    record Due(UUID id, int attempts, String payload, UUID eventId, String eventType, String url, String secret,
               WebhookFormat format, String email) {
        static Due of(Row row) {
            return new Due(row.getUUID("id"), row.getInteger("attempts"), row.getString("payload"),
                    row.getUUID("event_id"), row.getString("event_type"), row.getString("url"), row.getString("secret"),
                    WebhookFormat.valueOf(row.getString("format")), row.getString("email"));
        }
    }

    /** One attempt: the receiver's status code, or why there was none. */
    record Outcome(Due due, Instant attemptedAt, Integer statusCode, String error, long durationMillis) {
        boolean succeeded() {
            return error == null;
        }
    }
}
