package org.salescrm.platform.database;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Out of the load balancer while no connection can be borrowed and used within the bound: the database is away,
 * or the pool is exhausted, and requests sent here would only wait and time out.
 */
@Readiness
@ApplicationScoped
public class ConnectionPoolReadiness implements AsyncHealthCheck {

    private final ConnectionPoolProbe probe;

    public ConnectionPoolReadiness(ConnectionPoolProbe probe) {
        this.probe = probe;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.probe().map(state -> HealthCheckResponse.named("database")
                .status(state.borrowed())
                .withData("active", state.active())
                .withData("waiting", state.waiting())
                .withData("exhaustedSeconds", state.exhaustedFor().toSeconds())
                .build());
    }
}
