package org.salescrm.customer.pool;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.customer.customer.CustomerView;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** {@code POST /customers/{id}/release}: the customer goes to the public pool. */
@Cancellable(false)
@Path("/api/v1/customers/{id}/release")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class ReleaseResource {

    private final PublicPoolService pool;
    private final CurrentCaller caller;

    public ReleaseResource(PublicPoolService pool, CurrentCaller caller) {
        this.pool = pool;
        this.caller = caller;
    }

    /** The body (a reason) may be left out. */
    @POST
    public Uni<CustomerView> release(@PathParam("id") UUID id, @Valid ReleaseRequest request) {
        return pool.release(id, request == null ? null : request.reason(), caller.get()).map(CustomerView::of);
    }
}
