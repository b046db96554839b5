package org.salescrm.goal.goal;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.goal.actuals.Metric;
import org.salescrm.platform.time.Period;

@Cancellable(false)
@Path("/api/v1/goals")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class GoalResource {

    private final GoalService service;
    private final CurrentCaller caller;

    public GoalResource(GoalService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /**
     * Managers set goals within their team, admins anywhere; a rep only reads theirs. 201 with the
     * new goal; 200 with the first one when a request with the same Idempotency-Key is retried.
     */
    @POST
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
    public Uni<RestResponse<GoalView>> create(@Valid @NotNull GoalRequest request,
                                              @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.create(request, caller.get(), key)
                .map(created -> created.answer(goal -> goal, GoalView::id, "/api/v1/goals"));
    }

    @GET
    public Uni<Page<GoalView>> list(@QueryParam("period") @Size(max = 20) String period,
                                    @QueryParam("metric") String metric,
                                    @QueryParam("level") String level,
                                    @QueryParam("scopeId") @Size(max = 200) String scopeId,
                                    @QueryParam("limit") String limit,
                                    @QueryParam("cursor") String cursor) {
        String periodCode = period == null ? null : Period.parse(period, "period").code();
        GoalFilter filter = new GoalFilter(periodCode, QueryValues.oneOf("metric", metric, Metric.class),
                QueryValues.oneOf("level", level, ScopeLevel.class), scopeId);
        return service.list(filter, PageRequest.of(limit, cursor), caller.get());
    }

    @GET
    @Path("/{id}")
    public Uni<GoalView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get());
    }

    @POST
    @Path("/{id}/acknowledge")
    public Uni<GoalView> acknowledge(@PathParam("id") UUID id) {
        return service.acknowledge(id, caller.get());
    }
}
