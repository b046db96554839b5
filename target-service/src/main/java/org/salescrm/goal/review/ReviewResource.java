package org.salescrm.goal.review;

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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBodySchema;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.goal.goal.ScopeLevel;
import org.salescrm.platform.time.Period;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.patch.MergePatches;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/reviews")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class ReviewResource {

    private final ReviewService service;
    private final CurrentCaller caller;
    private final MergePatches patches;

    public ReviewResource(ReviewService service, CurrentCaller caller, MergePatches patches) {
        this.service = service;
        this.caller = caller;
        this.patches = patches;
    }

    /** A manager opens the review of their team or one of its reps, an admin any: 201, pre-filled. */
    @POST
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
    public Uni<RestResponse<ReviewView>> create(@Valid @NotNull ReviewRequest request) {
        return service.create(request, caller.get())
                .map(review -> RestResponse.ResponseBuilder.<ReviewView>created(
                        URI.create("/api/v1/reviews/" + review.id())).entity(review).build());
    }

    /** Reviews the caller may read, newest first; items carry no figures. */
    @GET
    public Uni<Page<ReviewView>> list(@QueryParam("period") @Size(max = 20) String period,
                                      @QueryParam("level") String level,
                                      @QueryParam("scopeId") @Size(max = 200) String scopeId,
                                      @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        String periodCode = period == null ? null : Period.parse(period, "period").code();
        ReviewFilter filter = new ReviewFilter(periodCode, QueryValues.oneOf("level", level, ScopeLevel.class),
                scopeId);
        return service.list(filter, PageRequest.of(limit, cursor), caller.get());
    }

    @GET
    @Path("/{id}")
    public Uni<ReviewView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatches.MEDIA_TYPE})
    @RequestBodySchema(ReviewPatch.class)
    public Uni<ReviewView> patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        long version = IfMatch.version(ifMatch);
        MergePatch<ReviewPatch> patch = patches.read(body, ReviewPatch.class, ReviewPatch.SERVER_OWNED);
        return service.patch(id, patch, version, caller.get());
    }
}
