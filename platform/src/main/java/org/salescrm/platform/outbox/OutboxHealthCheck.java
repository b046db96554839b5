package org.salescrm.platform.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.salescrm.platform.database.ConnectionPoolConfig;

/**
 * Shows how far the outbox lags (pending events, age of the oldest). It stays UP while Kafka is
 * away: the service still takes writes safely then, and taking every instance out of the load
 * balancer would turn a messaging outage into a full one. Alert on the lag and on parked events
 * (Kafka refused them for good; an operator decides) instead.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements AsyncHealthCheck {

    private final Pool pool;
    private final Clock clock;
    private final ConnectionPoolConfig poolConfig;

    public OutboxHealthCheck(Pool pool, Clock clock, ConnectionPoolConfig poolConfig) {
        this.pool = pool;
        this.clock = clock;
        this.poolConfig = poolConfig;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.preparedQuery("""
                        SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending,
                               min(created_at) FILTER (WHERE parked_at IS NULL) AS oldest_pending,
                               count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked
                        FROM outbox_event WHERE sent_at IS NULL""")
                .execute(Tuple.tuple())
                .map(rows -> report(rows.iterator().next()))
                // With no connection to be had, the database check says so; this one must still answer in time.
                .ifNoItem().after(poolConfig.borrowTimeout())
                .recoverWithItem(() -> HealthCheckResponse.named("outbox").up().withData("pending", "unknown").build());
    }

    private HealthCheckResponse report(Row row) {
        OffsetDateTime oldest = row.getOffsetDateTime("oldest_pending");
        long lagSeconds = oldest == null ? 0
                : Math.max(0, clock.instant().getEpochSecond() - oldest.toInstant().getEpochSecond());
        return HealthCheckResponse.named("outbox").up()
                .withData("pending", row.getLong("pending"))
                .withData("oldestPendingSeconds", lagSeconds)
                .withData("parked", row.getLong("parked"))
                .build();
    }
}
