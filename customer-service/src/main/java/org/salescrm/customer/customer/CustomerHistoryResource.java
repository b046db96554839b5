package org.salescrm.customer.customer;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.customer.history.CustomerHistoryView;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/customers/{id}/history")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class CustomerHistoryResource {

    private final CustomerService customers;
    private final CurrentCaller caller;

    public CustomerHistoryResource(CustomerService customers, CurrentCaller caller) {
        this.customers = customers;
        this.caller = caller;
    }

    /** Whoever may read the customer may read its history; anyone else gets the same 404 as for the customer. */
    @GET
    public Uni<Page<CustomerHistoryView>> list(@PathParam("id") UUID id, @QueryParam("limit") String limit,
                                               @QueryParam("cursor") String cursor) {
        return customers.historyPage(id, PageRequest.of(limit, cursor), caller.get());
    }
}
