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
@Path("/api/v1")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class ContractResource {

    private final ContractService service;
    private final CurrentCaller caller;

    public ContractResource(ContractService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /**
     * 201 with the contract of a won opportunity and its payment plan (instalments adding up to the amount);
     * 200 with the first one when a request with the same Idempotency-Key is retried; 409 when the opportunity
     * is not won, already has its contract, or the number is taken.
     */
    @POST
    @Path("/opportunities/{id}/contract")
    public Uni<RestResponse<ContractView>> sign(@PathParam("id") UUID id, @Valid @NotNull ContractRequest request,
                                                @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.sign(id, request, caller.get(), key)
                .map(created -> created.answer(v -> v, ContractView::id, "/api/v1/contracts"));
    }

    /** The contract with its instalments as they stand today, collected and outstanding. */
    @GET
    @Path("/contracts/{id}")
    public Uni<ContractView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get());
    }

    /**
     * 201 with the payment and the contract's instalments as they now are; 200 with the first one when a
     * request with the same Idempotency-Key is retried. 422 when the amount is more than the instalment's
     * outstanding, receivedOn is in the future or before the signing, or the instalment is not the contract's.
     */
    @POST
    @Path("/contracts/{id}/payments")
    public Uni<RestResponse<PaymentView>> pay(@PathParam("id") UUID id, @Valid @NotNull PaymentRequest request,
                                              @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.pay(id, request, caller.get(), key)
                .map(created -> created.answer(v -> v, PaymentView::id, "/api/v1/payments"));
    }

    @GET
    @Path("/payments/{id}")
    public Uni<PaymentView> payment(@PathParam("id") UUID id) {
        return service.findPayment(id, caller.get());
    }
}
