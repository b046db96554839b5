package org.salescrm.visit.visit;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBodySchema;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.patch.MergePatches;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/visits")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class VisitResource {

    private final VisitService service;
    private final CurrentCaller caller;
    private final MergePatches patches;

    public VisitResource(VisitService service, CurrentCaller caller, MergePatches patches) {
        this.service = service;
        this.caller = caller;
        this.patches = patches;
    }

    /** 201 with the new visit; 200 with the first one when the same clientId or Idempotency-Key comes again. */
    @POST
    public Uni<RestResponse<VisitView>> log(@Valid @NotNull VisitRequest request,
                                            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey, "Idempotency-Key");
        return service.log(request, caller.get(), key)
                .map(created -> created.answer(VisitView::of, VisitView::id, "/api/v1/visits"));
    }

    @GET
    @Path("/{id}")
    public Uni<VisitView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get())
                .onItem().ifNull().failWith(() -> Problems.notFound("visit", id))
                .map(VisitView::of);
    }

    @GET
    public Uni<Page<VisitView>> list(@QueryParam("customerId") String customerId,
                                     @QueryParam("ownerId") @Size(max = 200) String ownerId,
                                     @QueryParam("opportunityId") String opportunityId,
                                     @QueryParam("from") String from,
                                     @QueryParam("to") String to,
                                     @QueryParam("limit") String limit,
                                     @QueryParam("cursor") String cursor) {
        VisitFilter filter = new VisitFilter(QueryValues.uuid("customerId", customerId), ownerId,
                QueryValues.uuid("opportunityId", opportunityId),
                QueryValues.instantOrDate("from", from, service.zone(), false),
                QueryValues.instantOrDate("to", to, service.zone(), true));
        return service.list(filter, PageRequest.of(limit, cursor), caller.get());
    }

    /** A correction, against the version the client read; the earlier text stays in the history. */
    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatches.MEDIA_TYPE})
    @RequestBodySchema(VisitPatch.class)
    public Uni<VisitView> correct(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                  JsonNode body) {
        long expected = IfMatch.version(ifMatch);
        MergePatch<VisitPatch> patch = patches.read(body, VisitPatch.class, VisitPatch.SERVER_OWNED);
        return service.correct(id, patch, expected, caller.get()).map(VisitView::of);
    }

    @GET
    @Path("/{id}/history")
    public Uni<Page<VisitCorrectionView>> history(@PathParam("id") UUID id, @QueryParam("limit") String limit,
                                                  @QueryParam("cursor") String cursor) {
        return service.history(id, PageRequest.of(limit, cursor), caller.get());
    }
}
