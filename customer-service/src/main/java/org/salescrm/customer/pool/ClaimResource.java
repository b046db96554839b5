package org.salescrm.customer.pool;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.customer.customer.CustomerView;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/**
 * {@code POST /customers/{id}/claim}. Each owner action is its own resource class: a class whose
 * path ends at {@code /customers} would be chosen for these URLs and answer 404.
 */
@Cancellable(false)
@Path("/api/v1/customers/{id}/claim")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class ClaimResource {

    private final PublicPoolService pool;
    private final CurrentCaller caller;

    public ClaimResource(PublicPoolService pool, CurrentCaller caller) {
        this.pool = pool;
        this.caller = caller;
    }

    /** 200 with the customer now owned by the caller. */
    @POST
    public Uni<CustomerView> claim(@PathParam("id") UUID id) {
        return pool.claim(id, caller.get()).map(CustomerView::of);
    }
}
