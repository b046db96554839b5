package org.salescrm.analytics.delivery.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.security.Caller;

/** Subscriptions and their delivery log in SQL; the caller's scope is part of every query. */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final String COLUMNS =
            "s.id, s.url, s.teams, s.created_by, s.created_at, s.updated_at, s.version, s.event_types, s.format, s.email";

    private final Pool pool;

    public WebhookSubscriptions(Pool pool) {
        this.pool = pool;
    }

    Uni<Void> insert(SqlClient client, UUID id, DeliveryTarget target, List<String> teams, String createdBy,
                     Instant now, List<String> eventTypes) {
        return client.preparedQuery("""
                        INSERT INTO webhook_subscription (id, url, secret, teams, created_by, created_at, updated_at, version,
                                                          event_types, format, email)
                        VALUES ($1, $2, $3, $4, $5, $6, $6, 1, $7, $8, $9)""")
                .execute(Tuple.from(Arrays.asList(id, target.url(), target.secret(), teams.toArray(String[]::new),
                        createdBy, utc(now), eventTypes.toArray(String[]::new), target.format().name(), target.email())))
                .replaceWithVoid();
    }

    /** Whether any subscription names one of these event types. */
    Uni<Boolean> anyNaming(List<String> eventTypes) {
        return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM webhook_subscription "
                        + "WHERE deleted_at IS NULL AND event_types && $1) AS named")
                .execute(Tuple.of(eventTypes.toArray(String[]::new)))
                .map(rows -> rows.iterator().next().getBoolean("named"));
    }

    Uni<WebhookView> findVisible(SqlClient client, UUID id, Caller caller) {
        WebhookScope scope = WebhookScope.of(caller, 2);
        return client.preparedQuery("SELECT " + COLUMNS + " FROM webhook_subscription s "
                        + "WHERE s.id = $1 AND s.deleted_at IS NULL AND " + scope.clause())
                .execute(tuple(scope, id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    Uni<WebhookView> findVisible(UUID id, Caller caller) {
        return findVisible(pool, id, caller);
    }

    /** Newest first. */
    Uni<List<WebhookView>> list(PageRequest page, Caller caller) {
        WebhookScope scope = WebhookScope.of(caller, 4);
        Cursor after = page.after();
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM webhook_subscription s WHERE s.deleted_at IS NULL"
                        + " AND ($1::timestamptz IS NULL OR (s.created_at, s.id) < ($1, $2))"
                        + " AND " + scope.clause() + " ORDER BY s.created_at DESC, s.id DESC LIMIT $3")
                .execute(tuple(scope, after == null ? null : utc(after.sortInstant()),
                        after == null ? null : after.id(), page.fetchSize()))
                .map(rows -> map(rows, WebhookSubscriptions::view));
    }

    /** Soft delete; deliveries not yet made are cancelled with it. True when it was there to delete. */
    Uni<Boolean> delete(UUID id, Caller caller, Instant now) {
        WebhookScope scope = WebhookScope.of(caller, 4);
        return pool.withTransaction(tx -> tx.preparedQuery("UPDATE webhook_subscription s "
                        + "SET deleted_at = $2, deleted_by = $3, updated_at = $2, version = s.version + 1 "
                        + "WHERE s.id = $1 AND s.deleted_at IS NULL AND " + scope.clause())
                .execute(tuple(scope, id, utc(now), caller.id()))
                .chain(updated -> updated.rowCount() == 0 ? Uni.createFrom().item(false)
                        : tx.preparedQuery("""
                                        UPDATE webhook_delivery SET status = 'CANCELLED', next_attempt_at = NULL, updated_at = $2
                                        WHERE subscription_id = $1 AND status = 'PENDING'""")
                                .execute(Tuple.of(id, utc(now))).replaceWith(true)));
    }

    /** The subscription's deliveries, newest first, each with its attempts. */
    Uni<List<DeliveryView>> deliveries(UUID subscriptionId, String status, PageRequest page) {
        Cursor after = page.after();
        return pool.preparedQuery("""
                        SELECT id, subscription_id, event_id, event_type, status, attempts, last_status_code, last_error,
                               next_attempt_at, delivered_at, created_at, updated_at
                        FROM webhook_delivery
                        WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)
                          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3, $4))
                        ORDER BY created_at DESC, id DESC LIMIT $5""")
                .execute(Tuple.from(Arrays.asList(subscriptionId, status,
                        after == null ? null : utc(after.sortInstant()), after == null ? null : after.id(),
                        page.fetchSize())))
                .chain(rows -> withAttempts(map(rows, r -> r)));
    }

    private Uni<List<DeliveryView>> withAttempts(List<Row> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = deliveries.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
        return pool.preparedQuery("""
                        SELECT delivery_id, attempt, attempted_at, status_code, error, duration_ms
                        FROM webhook_delivery_attempt WHERE delivery_id = ANY($1) ORDER BY attempt""")
                .execute(Tuple.of(ids))
                .map(attempts -> {
                    List<Row> all = map(attempts, r -> r);
                    return deliveries.stream().map(d -> deliveryView(d, all.stream()
                            .filter(a -> a.getUUID("delivery_id").equals(d.getUUID("id")))
                            .map(WebhookSubscriptions::attempt).toList())).toList();
                });
    }

    static Cursor cursorOf(WebhookView view) {
        return new Cursor(view.createdAt().toString(), view.id());
    }

    static Cursor cursorOf(DeliveryView view) {
        return new Cursor(view.createdAt().toString(), view.id());
    }

    private static WebhookView view(Row row) {
        return new WebhookView(row.getUUID("id"), row.getString("url"), List.of(row.getArrayOfStrings("teams")),
                row.getString("created_by"), instant(row, "created_at"), instant(row, "updated_at"),
                row.getLong("version"), List.of(row.getArrayOfStrings("event_types")),
                WebhookFormat.valueOf(row.getString("format")), row.getString("email"));
    }

    private static DeliveryView deliveryView(Row row, List<DeliveryView.Attempt> attempts) {
        return new DeliveryView(row.getUUID("id"), row.getUUID("subscription_id"), row.getUUID("event_id"),
                row.getString("event_type"), row.getString("status"), row.getInteger("attempts"),
                row.getInteger("last_status_code"), row.getString("last_error"), instant(row, "next_attempt_at"),
                instant(row, "delivered_at"), instant(row, "created_at"), instant(row, "updated_at"), attempts);
    }

    private static DeliveryView.Attempt attempt(Row row) {
        return new DeliveryView.Attempt(row.getInteger("attempt"), instant(row, "attempted_at"),
                row.getInteger("status_code"), row.getString("error"), row.getLong("duration_ms"));
    }

    /** The scope's parameter, if it has one, goes after the query's own. */
    private static Tuple tuple(WebhookScope scope, Object... values) {
        List<Object> all = new ArrayList<>(Arrays.asList(values));
        if (scope.teams() != null) {
            all.add(scope.teams());
        }
        return Tuple.from(all);
    }

    private static <T> List<T> map(RowSet<Row> rows, java.util.function.Function<Row, T> mapper) {
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(mapper.apply(row)));
        return out;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
