package org.salescrm.customer.keyperson;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** A customer's key persons: record one, list them. */
@Cancellable(false)
@Path("/api/v1/customers/{customerId}/key-persons")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class CustomerKeyPersonResource {

    private final KeyPersonService service;
    private final CurrentCaller caller;

    public CustomerKeyPersonResource(KeyPersonService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** 201 with the new key person; 200 with the first one when a request with the same Idempotency-Key is retried. */
    @POST
    public Uni<RestResponse<KeyPersonView>> add(@PathParam("customerId") UUID customerId,
                                                @Valid @NotNull KeyPersonRequest request,
                                                @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.add(customerId, request, caller.get(), key)
                .map(created -> created.answer(KeyPersonView::of, KeyPersonView::id, "/api/v1/key-persons"));
    }

    /** Oldest first, those who left included (active false). */
    @GET
    public Uni<Page<KeyPersonView>> list(@PathParam("customerId") UUID customerId, @QueryParam("limit") String limit,
                                         @QueryParam("cursor") String cursor) {
        return service.list(customerId, PageRequest.of(limit, cursor), caller.get());
    }
}
