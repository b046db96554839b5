package org.salescrm.customer.contract;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
@Path("/api/v1/opportunities/{id}/contract")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class OpportunityContractResource {

    private final ContractService service;
    private final CurrentCaller caller;

    public OpportunityContractResource(ContractService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /**
     * 201 with the contract of a won opportunity and its payment plan (instalments adding up to the amount);
     * 200 with the first one when a request with the same Idempotency-Key is retried; 409 when the opportunity
     * is not won, already has its contract, or the number is taken.
     */
    @POST
    public Uni<RestResponse<ContractView>> sign(@PathParam("id") UUID id, @Valid @NotNull ContractRequest request,
                                                @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.sign(id, request, caller.get(), key)
                .map(created -> created.answer(v -> v, ContractView::id, "/api/v1/contracts"));
    }
}
