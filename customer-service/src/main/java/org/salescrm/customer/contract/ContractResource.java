package org.salescrm.customer.contract;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/contracts")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class ContractResource {

    private final ContractService service;
    private final CurrentCaller caller;

    public ContractResource(ContractService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** The contract with its instalments as they stand today, collected and outstanding. */
    @GET
    @Path("/{id}")
    public Uni<ContractView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get());
    }

    /**
     * 201 with the payment and the contract's instalments as they now are; 200 with the first one when a
     * request with the same Idempotency-Key is retried. 422 when the amount is more than the instalment's
     * outstanding, receivedOn is in the future or before the signing, or the instalment is not the contract's.
     */
    @POST
    @Path("/{id}/payments")
    public Uni<RestResponse<PaymentView>> pay(@PathParam("id") UUID id, @Valid @NotNull PaymentRequest request,
                                              @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.pay(id, request, caller.get(), key)
                .map(created -> created.answer(v -> v, PaymentView::id, "/api/v1/payments"));
    }
}
