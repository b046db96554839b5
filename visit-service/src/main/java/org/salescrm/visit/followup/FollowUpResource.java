package org.salescrm.visit.followup;

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
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/follow-ups")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class FollowUpResource {

    private final FollowUpService service;
    private final CurrentCaller caller;

    public FollowUpResource(FollowUpService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    public Uni<RestResponse<FollowUpView>> create(@Valid @NotNull FollowUpRequest request,
                                                  @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.create(request, caller.get(), key).map(created -> created.answer(
                followUp -> FollowUpView.of(followUp, service.today()), FollowUpView::id, "/api/v1/follow-ups"));
    }

    @GET
    @Path("/{id}")
    public Uni<FollowUpView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get())
                .onItem().ifNull().failWith(() -> Problems.notFound("follow-up", id))
                .map(f -> FollowUpView.of(f, service.today()));
    }

    @POST
    @Path("/{id}/complete")
    public Uni<FollowUpView> complete(@PathParam("id") UUID id, @Valid @NotNull CompleteRequest request) {
        return service.complete(id, request, caller.get()).map(f -> FollowUpView.of(f, service.today()));
    }

    @GET
    public Uni<Page<FollowUpView>> list(@QueryParam("status") String status,
                                        @QueryParam("assigneeId") @Size(max = 200) String assigneeId,
                                        @QueryParam("customerId") String customerId,
                                        @QueryParam("dueBefore") String dueBefore,
                                        @QueryParam("limit") String limit,
                                        @QueryParam("cursor") String cursor) {
        FollowUpFilter filter = new FollowUpFilter(QueryValues.oneOf("status", status, FollowUpStatus.class),
                assigneeId, QueryValues.uuid("customerId", customerId), QueryValues.date("dueBefore", dueBefore));
        return service.list(filter, PageRequest.of(limit, cursor), caller.get());
    }
}
