package org.salescrm.platform.database;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Dead once every connection has been held for longer than {@code crm.health.connection-pool.wedged-after}: work
 * that never gives its connection back does not recover by waiting, a restart frees the pool.
 */
@Liveness
@ApplicationScoped
public class ConnectionPoolLiveness implements AsyncHealthCheck {

    private final ConnectionPoolProbe probe;

    public ConnectionPoolLiveness(ConnectionPoolProbe probe) {
        this.probe = probe;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.probe().map(state -> HealthCheckResponse.named("connection-pool")
                .status(state.exhaustedFor().compareTo(probe.config().wedgedAfter()) < 0)
                .withData("exhaustedSeconds", state.exhaustedFor().toSeconds())
                .build());
    }
}
