package org.salescrm.customer.pool;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** {@code POST /customer-transfers}: everything of one rep to another, in one transaction. */
@Cancellable(false)
@Path("/api/v1/customer-transfers")
@RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
public class CustomerTransfersResource {

    private final TransferService transfers;
    private final CurrentCaller caller;

    public CustomerTransfersResource(TransferService transfers, CurrentCaller caller) {
        this.transfers = transfers;
        this.caller = caller;
    }

    @POST
    public Uni<BulkTransferResult> transferAll(@Valid @NotNull BulkTransferRequest request) {
        return transfers.transferAll(request, caller.get()).map(BulkTransferResult::new);
    }
}
