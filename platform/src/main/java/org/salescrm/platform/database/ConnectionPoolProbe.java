package org.salescrm.platform.database;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the service can still get a database connection and an answer on it, within a bound: the one
 * resource that, once every connection is held by work that never ends, turns a live process into one that
 * answers nothing. It replaces Quarkus's own datasource check, which waits as long as any request would.
 */
@ApplicationScoped
public class ConnectionPoolProbe {

    /** What one probe saw; {@code exhaustedFor} is zero unless the pool has been exhausted since an earlier probe. */
    public record State(boolean borrowed, long active, long waiting, Duration exhaustedFor) {
    }

    private final Pool pool;
    private final MeterRegistry metrics;
    private final ConnectionPoolConfig config;
    private final Clock clock;
    private final AtomicReference<Instant> exhaustedSince = new AtomicReference<>();

    public ConnectionPoolProbe(Pool pool, MeterRegistry metrics, ConnectionPoolConfig config, Clock clock) {
        this.pool = pool;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    public Uni<State> probe() {
        return borrowAndReturn()
                .ifNoItem().after(config.borrowTimeout()).recoverWithItem(false)
                .onFailure().recoverWithItem(false)
                .map(this::record);
    }

    public ConnectionPoolConfig config() {
        return config;
    }

    /**
     * Borrows a connection, asks the database a trivial question on it and gives it back, even after a health
     * request that gave up: it is closed whenever it arrives.
     */
    private Uni<Boolean> borrowAndReturn() {
        return Uncancellable.of(pool.getConnection().chain(connection -> connection.query("SELECT 1").execute()
                .replaceWith(true)
                .eventually(connection::close)));
    }

    private State record(boolean borrowed) {
        long active = gauge("sql.pool.active");
        // A database that refuses connections is not an exhausted pool: nothing is held, restarting cures nothing.
        boolean exhausted = !borrowed && active > 0;
        Instant now = clock.instant();
        Instant since = exhausted ? exhaustedSince.updateAndGet(s -> s == null ? now : s) : null;
        if (!exhausted) {
            exhaustedSince.set(null);
        }
        return new State(borrowed, active, gauge("sql.pool.queue.size"),
                since == null ? Duration.ZERO : Duration.between(since, now));
    }

    private long gauge(String name) {
        return Math.round(Search.in(metrics).name(name).gauges().stream().mapToDouble(g -> g.value()).sum());
    }
}
