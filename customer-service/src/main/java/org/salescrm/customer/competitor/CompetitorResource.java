package org.salescrm.customer.competitor;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.idempotency.Created;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** The competitors of one deal: whoever sees the deal reads and changes them. */
@Cancellable(false)
@Path("/api/v1/opportunities/{id}/competitors")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class CompetitorResource {

    private final CompetitorService service;
    private final CurrentCaller caller;

    public CompetitorResource(CompetitorService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** 201 with the entry; 409 {@code duplicate-competitor} when the deal already names it. */
    @POST
    public Uni<RestResponse<CompetitorView>> add(@PathParam("id") UUID id, @Valid @NotNull CompetitorRequest request) {
        return service.add(id, request, caller.get()).map(c -> Created.fresh(c)
                .answer(CompetitorView::of, CompetitorView::id, "/api/v1/opportunities/" + id + "/competitors"));
    }

    @GET
    public Uni<CompetitorList> list(@PathParam("id") UUID id) {
        return service.list(id, caller.get()).map(all -> new CompetitorList(all.stream().map(CompetitorView::of).toList()));
    }

    /** 204; the deal's loss to that competitor, if any, stays as it was recorded. */
    @DELETE
    @Path("/{competitorId}")
    public Uni<RestResponse<Void>> remove(@PathParam("id") UUID id, @PathParam("competitorId") UUID competitorId) {
        return service.remove(id, competitorId, caller.get()).map(done -> RestResponse.noContent());
    }
}
