package org.salescrm.customer.receivable;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/reports/receivables")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class ReceivablesResource {

    private final ReceivablesService service;
    private final CurrentCaller caller;

    public ReceivablesResource(ReceivablesService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /**
     * Aging buckets (0-30, 31-60, 61-90, 90+ days overdue) with their outstanding amounts, and every overdue
     * instalment, of the contracts the caller may see (a rep their own, a manager their teams', an admin all),
     * narrowed by team, owner or customer.
     */
    @GET
    public Uni<ReceivablesReport> report(@QueryParam("team") @Size(max = 200) String team,
                                         @QueryParam("ownerId") @Size(max = 200) String ownerId,
                                         @QueryParam("customerId") String customerId) {
        ReceivablesFilter filter = new ReceivablesFilter(team, ownerId, QueryValues.uuid("customerId", customerId));
        return service.report(filter, caller.get());
    }
}
