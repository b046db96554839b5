package org.salescrm.analytics.alerts;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

@Cancellable(false)
@Path("/api/v1/alerts")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class AlertResource {

    private final AlertService service;
    private final AlertScan scan;
    private final CurrentCaller caller;

    public AlertResource(AlertService service, AlertScan scan, CurrentCaller caller) {
        this.service = service;
        this.scan = scan;
        this.caller = caller;
    }

    @GET
    public Uni<Page<AlertView>> list(@QueryParam("status") String status, @QueryParam("type") String type,
                                     @QueryParam("ownerId") @Size(max = 200) String ownerId,
                                     @QueryParam("team") @Size(max = 200) String team,
                                     @QueryParam("customerId") String customerId,
                                     @QueryParam("severity") String severity,
                                     @QueryParam("escalated") String escalated,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        AlertFilter filter = new AlertFilter(QueryValues.oneOf("status", status, AlertStatus.class),
                QueryValues.oneOf("type", type, AlertType.class), ownerId, team, QueryValues.uuid("customerId", customerId),
                QueryValues.oneOf("severity", severity, Severity.class), QueryValues.flag("escalated", escalated));
        return service.list(filter, PageRequest.of(limit, cursor), caller.get());
    }

    @GET
    @Path("/{id}")
    public Uni<AlertView> get(@PathParam("id") UUID id) {
        return service.find(id, caller.get());
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AlertView> acknowledge(@PathParam("id") UUID id, @Valid AcknowledgeRequest request) {
        return service.acknowledge(id, request, caller.get());
    }

    /**
     * The note is optional (API.md), so a bare POST, without a body or a JSON content type, acknowledges
     * too; a body that is not JSON is refused rather than silently dropped.
     */
    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    public Uni<AlertView> acknowledgeWithoutNote(@PathParam("id") UUID id, String body) {
        if (body != null && !body.isBlank()) {
            throw new ProblemException(400, "malformed-json", List.of(), "malformed-json",
                    "the note goes in a JSON body: {\"note\": \"...\"}");
        }
        return service.acknowledge(id, null, caller.get());
    }

    @POST
    @Path("/{id}/snooze")
    public Uni<AlertView> snooze(@PathParam("id") UUID id, @Valid @NotNull SnoozeRequest request) {
        return service.snooze(id, request, caller.get());
    }

    /**
     * Runs the periodic scan now (after a replay, or to check a changed threshold); admin only. While a scan runs
     * it answers at once with {@code alreadyRunning}: waiting for it would hold a request (and a connection) each.
     */
    @POST
    @Path("/scan")
    @RolesAllowed(Role.ADMIN_NAME)
    public Uni<ScanResult> scanNow() {
        return scan.scan();
    }
}
