package org.salescrm.goal.progress;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** A goal's progress, for whoever may read the goal; its own resource so goals need not know how progress is measured. */
@Cancellable(false)
@Path("/api/v1/goals/{id}/progress")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class ProgressResource {

    private final ProgressService progress;
    private final CurrentCaller caller;

    public ProgressResource(ProgressService progress, CurrentCaller caller) {
        this.progress = progress;
        this.caller = caller;
    }

    @GET
    public Uni<ProgressView> get(@PathParam("id") UUID id) {
        return progress.ofGoal(id, caller.get());
    }
}
