package org.salescrm.customer.pool;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.salescrm.customer.customer.CustomerView;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** The actions that change a customer's owner; each answers the customer as it now is. */
@Path("/api/v1")
public class PublicPoolResource {

    private final PublicPoolService pool;
    private final TransferService transfers;
    private final CurrentCaller caller;

    public PublicPoolResource(PublicPoolService pool, TransferService transfers, CurrentCaller caller) {
        this.pool = pool;
        this.transfers = transfers;
        this.caller = caller;
    }

    @POST
    @Path("/customers/{id}/claim")
    @RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
    public Uni<CustomerView> claim(@PathParam("id") UUID id) {
        return pool.claim(id, caller.get()).map(CustomerView::of);
    }

    @POST
    @Path("/customers/{id}/release")
    @RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
    public Uni<CustomerView> release(@PathParam("id") UUID id, @Valid ReleaseRequest request) {
        return pool.release(id, request == null ? null : request.reason(), caller.get()).map(CustomerView::of);
    }

    @POST
    @Path("/customers/{id}/transfer")
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
    public Uni<CustomerView> transfer(@PathParam("id") UUID id, @Valid @NotNull TransferRequest request) {
        return transfers.transfer(id, request, caller.get()).map(CustomerView::of);
    }

    @POST
    @Path("/customer-transfers")
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
    public Uni<BulkTransferResult> transferAll(@Valid @NotNull BulkTransferRequest request) {
        return transfers.transferAll(request, caller.get()).map(BulkTransferResult::new);
    }
}
