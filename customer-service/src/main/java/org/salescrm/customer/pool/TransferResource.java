package org.salescrm.customer.pool;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.customer.customer.CustomerView;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** {@code POST /customers/{id}/transfer}: a manager or admin hands the customer to another rep. */
@Cancellable(false)
@Path("/api/v1/customers/{id}/transfer")
@RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
public class TransferResource {

    private final TransferService transfers;
    private final CurrentCaller caller;

    public TransferResource(TransferService transfers, CurrentCaller caller) {
        this.transfers = transfers;
        this.caller = caller;
    }

    @POST
    public Uni<CustomerView> transfer(@PathParam("id") UUID id, @Valid @NotNull TransferRequest request) {
        return transfers.transfer(id, request, caller.get()).map(CustomerView::of);
    }
}
