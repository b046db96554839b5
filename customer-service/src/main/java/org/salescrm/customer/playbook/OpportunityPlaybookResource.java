package org.salescrm.customer.playbook;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** One opportunity's progress through the playbooks; whoever sees the opportunity reads and ticks it. */
@Cancellable(false)
@Path("/api/v1/opportunities/{id}/playbook")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class OpportunityPlaybookResource {

    private final PlaybookService service;
    private final CurrentCaller caller;

    public OpportunityPlaybookResource(PlaybookService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<OpportunityPlaybookView> progress(@PathParam("id") UUID id) {
        return service.progress(id, caller.get());
    }

    /** 200 with the progress after the tick; 422 for an item the records prove, 409 for one ticked already. */
    @POST
    @Path("/{key}/done")
    public Uni<OpportunityPlaybookView> done(@PathParam("id") UUID id, @PathParam("key") @Size(max = 60) String key,
                                             @Valid @NotNull TickRequest request) {
        return service.tick(id, key, request, caller.get());
    }
}
