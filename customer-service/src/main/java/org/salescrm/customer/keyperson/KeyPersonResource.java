package org.salescrm.customer.keyperson;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBodySchema;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.patch.MergePatches;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** One key person: read, edit, mark as left. */
@Cancellable(false)
@Path("/api/v1/key-persons")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class KeyPersonResource {

    private final KeyPersonService service;
    private final CurrentCaller caller;
    private final MergePatches patches;

    public KeyPersonResource(KeyPersonService service, CurrentCaller caller, MergePatches patches) {
        this.service = service;
        this.caller = caller;
        this.patches = patches;
    }

    @GET
    @Path("/{id}")
    public Uni<KeyPersonView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get()).map(KeyPersonView::of);
    }

    /** 428 without If-Match, 412 when it names an older version. */
    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatches.MEDIA_TYPE})
    @RequestBodySchema(KeyPersonPatch.class)
    public Uni<KeyPersonView> patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                    JsonNode body) {
        long version = IfMatch.version(ifMatch);
        MergePatch<KeyPersonPatch> patch = patches.read(body, KeyPersonPatch.class, KeyPersonPatch.SERVER_OWNED);
        return service.patch(id, version, patch, caller.get()).map(KeyPersonView::of);
    }

    /** Soft delete: 204, then 404 until restored. */
    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return service.delete(id, caller.get()).map(done -> RestResponse.noContent());
    }

    /** 200 with the key person again; one that is not deleted answers 200 unchanged. */
    @POST
    @Path("/{id}/restore")
    public Uni<KeyPersonView> restore(@PathParam("id") UUID id) {
        return service.restore(id, caller.get()).map(KeyPersonView::of);
    }

    /** 200 with {@code active: false}; 409 when already marked as left. An empty body means "left today". */
    @POST
    @Path("/{id}/left")
    public Uni<KeyPersonView> left(@PathParam("id") UUID id, @Valid LeftRequest request) {
        return service.left(id, request == null ? new LeftRequest(null) : request, caller.get())
                .map(KeyPersonView::of);
    }
}
