package org.salescrm.customer.contract;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/payments")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class PaymentResource {

    private final ContractService service;
    private final CurrentCaller caller;

    public PaymentResource(ContractService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** One payment with its contract's instalments as they stand now, seen by whoever may see the contract. */
    @GET
    @Path("/{id}")
    public Uni<PaymentView> payment(@PathParam("id") UUID id) {
        return service.findPayment(id, caller.get());
    }
}
