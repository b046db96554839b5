package org.salescrm.visit.plan;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/visit-plans")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class VisitPlanResource {

    private final VisitPlanService service;
    private final CurrentCaller caller;

    public VisitPlanResource(VisitPlanService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** The caller's own plan for the day (or, for a manager, {@code ownerId}'s), replaced as a whole. */
    @PUT
    @Path("/{date}")
    public Uni<VisitPlanView> plan(@PathParam("date") String date,
                                   @QueryParam("ownerId") @Size(max = 200) String ownerId,
                                   @Valid @NotNull VisitPlanRequest request) {
        return service.plan(QueryValues.date("date", date), request, ownerId, caller.get());
    }

    /** Every write of the plan, oldest first, with the reason of each correction of a past day. */
    @GET
    @Path("/{date}/history")
    public Uni<Page<VisitPlanChangeView>> history(@PathParam("date") String date,
                                                  @QueryParam("ownerId") @Size(max = 200) String ownerId,
                                                  @QueryParam("limit") String limit,
                                                  @QueryParam("cursor") String cursor) {
        return service.history(QueryValues.date("date", date), ownerId, PageRequest.of(limit, cursor), caller.get());
    }

    @GET
    @Path("/{date}")
    public Uni<VisitPlanView> read(@PathParam("date") String date,
                                   @QueryParam("ownerId") @Size(max = 200) String ownerId) {
        return service.read(QueryValues.date("date", date), ownerId, caller.get());
    }
}
