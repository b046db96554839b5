package org.salescrm.customer.playbook;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.customer.opportunity.Stage;
import org.salescrm.platform.security.Role;

/** The stage playbooks: everyone reads them, an admin writes them. */
@Cancellable(false)
@Path("/api/v1/playbooks")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class PlaybookResource {

    static final String STAGES = "^(TARGET|POTENTIAL|INTENT|PROJECT|ACKNOWLEDGED|NEGOTIATION|WON)$";

    private final PlaybookService service;

    public PlaybookResource(PlaybookService service) {
        this.service = service;
    }

    @GET
    public Uni<PlaybooksView> playbooks() {
        return service.playbooks();
    }

    /** Replaces the stage's items; 422 names an item whose key is taken or whose DATA proof the records cannot give. */
    @PUT
    @Path("/{stage}")
    @RolesAllowed(Role.ADMIN_NAME)
    public Uni<StagePlaybookView> replace(@PathParam("stage") @Pattern(regexp = STAGES) String stage,
                                          @Valid @NotNull PlaybookRequest request) {
        return service.replace(Stage.valueOf(stage), request);
    }
}
