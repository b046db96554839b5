package org.salescrm.goal.evaluation;

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
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.patch.MergePatches;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;
import org.salescrm.platform.time.Period;

@Cancellable(false)
@Path("/api/v1/evaluations")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class EvaluationResource {

    private final EvaluationService service;
    private final CurrentCaller caller;
    private final MergePatches patches;

    public EvaluationResource(EvaluationService service, CurrentCaller caller, MergePatches patches) {
        this.service = service;
        this.caller = caller;
        this.patches = patches;
    }

    @POST
    @Path("/runs")
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
    public Uni<EvaluationRunResult> run(@Valid @NotNull EvaluationRunRequest request) {
        return service.run(Period.parse(request.period(), "period"), caller.get());
    }

    @GET
    public Uni<Page<EvaluationView>> list(@QueryParam("period") @Size(max = 20) String period,
                                          @QueryParam("repId") @Size(max = 200) String repId,
                                          @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        String periodCode = period == null ? null : Period.parse(period, "period").code();
        return service.list(periodCode, repId, PageRequest.of(limit, cursor), caller.get());
    }

    @GET
    @Path("/{id}")
    public Uni<EvaluationView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatches.MEDIA_TYPE})
    @RequestBodySchema(EvaluationPatch.class)
    public Uni<EvaluationView> review(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                      JsonNode body) {
        long version = IfMatch.version(ifMatch);
        MergePatch<EvaluationPatch> patch = patches.read(body, EvaluationPatch.class, EvaluationPatch.SERVER_OWNED);
        return service.review(id, patch, version, caller.get());
    }
}
