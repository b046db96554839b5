package org.salescrm.customer.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBodySchema;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.patch.MergePatches;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/opportunities")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class OpportunityResource {

    private static final String STAGES = "^(TARGET|POTENTIAL|INTENT|PROJECT|ACKNOWLEDGED|NEGOTIATION|WON)$";

    private final OpportunityService service;
    private final CurrentCaller caller;
    private final MergePatches patches;

    public OpportunityResource(OpportunityService service, CurrentCaller caller, MergePatches patches) {
        this.service = service;
        this.caller = caller;
        this.patches = patches;
    }

    /** 201 with the new opportunity; 200 with the first one when a request with the same Idempotency-Key is retried. */
    @POST
    public Uni<RestResponse<OpportunityView>> open(@Valid @NotNull OpportunityRequest request,
                                                   @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.open(request, caller.get(), key)
                .map(created -> created.answer(OpportunityView::of, OpportunityView::id, "/api/v1/opportunities"));
    }

    @GET
    public Uni<Page<OpportunityView>> list(@QueryParam("stage") @Pattern(regexp = STAGES) String stage,
                                           @QueryParam("status") @Pattern(regexp = "^(OPEN|WON|LOST)$") String status,
                                           @QueryParam("ownerId") @Size(max = 200) String ownerId,
                                           @QueryParam("customerId") String customerId,
                                           @QueryParam("limit") String limit,
                                           @QueryParam("cursor") String cursor) {
        OpportunityFilter filter = new OpportunityFilter(stage == null ? null : Stage.valueOf(stage),
                status == null ? null : OpportunityStatus.valueOf(status), ownerId, QueryValues.uuid("customerId", customerId));
        return service.list(filter, PageRequest.of(limit, cursor), caller.get());
    }

    @GET
    @Path("/{id}")
    public Uni<OpportunityView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get()).map(OpportunityView::of);
    }

    /** 428 without If-Match, 412 when it names an older version, 409 once the opportunity is won or lost. */
    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatches.MEDIA_TYPE})
    @RequestBodySchema(OpportunityPatch.class)
    public Uni<OpportunityView> patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                      JsonNode body) {
        long version = IfMatch.version(ifMatch);
        MergePatch<OpportunityPatch> patch = patches.read(body, OpportunityPatch.class, OpportunityPatch.SERVER_OWNED);
        return service.patch(id, version, patch, caller.get()).map(OpportunityView::of);
    }

    /** Soft delete: 204, then 404 until restored. */
    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return service.delete(id, caller.get()).map(done -> RestResponse.noContent());
    }

    /** 200 with the opportunity again, in the stage and status it had; one not deleted answers 200 unchanged. */
    @POST
    @Path("/{id}/restore")
    public Uni<OpportunityView> restore(@PathParam("id") UUID id) {
        return service.restore(id, caller.get()).map(OpportunityView::of);
    }

    @POST
    @Path("/{id}/stage")
    public Uni<OpportunityView> move(@PathParam("id") UUID id, @Valid @NotNull StageRequest request) {
        return service.move(id, request, caller.get()).map(OpportunityView::of);
    }

    @POST
    @Path("/{id}/lose")
    public Uni<OpportunityView> lose(@PathParam("id") UUID id, @Valid @NotNull LoseRequest request) {
        return service.lose(id, request, caller.get()).map(OpportunityView::of);
    }

    /** Stage changes oldest first, each with its days in stage, plus the days per stage overall. */
    @GET
    @Path("/{id}/history")
    public Uni<StageHistoryPage> history(@PathParam("id") UUID id, @QueryParam("limit") String limit,
                                         @QueryParam("cursor") String cursor) {
        return service.history(id, PageRequest.of(limit, cursor), caller.get());
    }

    /** Field changes oldest first: who changed which field from what to what. */
    @GET
    @Path("/{id}/changes")
    public Uni<Page<FieldChangeView>> changes(@PathParam("id") UUID id, @QueryParam("limit") String limit,
                                              @QueryParam("cursor") String cursor) {
        return service.changes(id, PageRequest.of(limit, cursor), caller.get());
    }
}
