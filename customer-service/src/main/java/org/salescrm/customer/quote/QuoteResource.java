package org.salescrm.customer.quote;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/quotes")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class QuoteResource {

    private final QuoteService service;
    private final CurrentCaller caller;

    public QuoteResource(QuoteService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** One quote, seen by whoever may see its opportunity. */
    @GET
    @Path("/{id}")
    public Uni<QuoteView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get());
    }
}
