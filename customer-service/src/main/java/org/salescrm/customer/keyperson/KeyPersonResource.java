package org.salescrm.customer.keyperson;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** One key person: read, edit, mark as left. */
@Cancellable(false)
@Path("/api/v1/key-persons")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class KeyPersonResource {

    private final KeyPersonService service;
    private final CurrentCaller caller;

    public KeyPersonResource(KeyPersonService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    public Uni<KeyPersonView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get()).map(KeyPersonView::of);
    }

    /** 428 without If-Match, 412 when it names an older version. */
    @PATCH
    @Path("/{id}")
    public Uni<KeyPersonView> patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                    @Valid @NotNull KeyPersonPatch patch) {
        long version = IfMatch.version(ifMatch);
        return service.patch(id, version, patch, caller.get()).map(KeyPersonView::of);
    }

    /** 200 with {@code active: false}; 409 when already marked as left. An empty body means "left today". */
    @POST
    @Path("/{id}/left")
    public Uni<KeyPersonView> left(@PathParam("id") UUID id, @Valid LeftRequest request) {
        return service.left(id, request == null ? new LeftRequest(null) : request, caller.get())
                .map(KeyPersonView::of);
    }
}
