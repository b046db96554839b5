package org.salescrm.customer.quote;

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

@Cancellable(false)
@Path("/api/v1/opportunities/{id}/quotes")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class OpportunityQuoteResource {

    private final QuoteService service;
    private final CurrentCaller caller;

    public OpportunityQuoteResource(QuoteService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /**
     * 201 with the new quote (numbered 1, 2, … per opportunity); 200 with the first one when a request with the
     * same Idempotency-Key is retried; 409 on a won or lost opportunity. An accepted quote sets the opportunity's
     * amount and quoteAmount.
     */
    @POST
    public Uni<RestResponse<QuoteView>> issue(@PathParam("id") UUID id, @Valid @NotNull QuoteRequest request,
                                              @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.issue(id, request, caller.get(), key)
                .map(created -> created.answer(v -> v, QuoteView::id, "/api/v1/quotes"));
    }

    /** The opportunity's quotes, oldest first. */
    @GET
    public Uni<Page<QuoteView>> list(@PathParam("id") UUID id, @QueryParam("limit") String limit,
                                     @QueryParam("cursor") String cursor) {
        return service.list(id, PageRequest.of(limit, cursor), caller.get());
    }
}
