package org.salescrm.platform.outbox;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Wakes the outbox relay after each successful write request: by the time its answer is written the
 * request's transaction has committed, so its events go out now instead of at the next poll.
 */
public class RelayAfterWrites {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final OutboxRelay relay;

    public RelayAfterWrites(OutboxRelay relay) {
        this.relay = relay;
    }

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (!READS.contains(request.getMethod()) && response.getStatus() < 300) {
            relay.wake();
        }
    }
}
