package org.salescrm.customer.competitor;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;

/** Wins and losses by competitor, over the deals the caller may see (a rep their own, a manager their teams'). */
@Cancellable(false)
@Path("/api/v1/reports/competitors")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class CompetitorReportResource {

    private final CompetitorService service;
    private final CurrentCaller caller;

    public CompetitorReportResource(CompetitorService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** {@code from} and {@code to} are days (Asia/Shanghai) the deals closed on, both included. */
    @GET
    public Uni<CompetitorReport> report(@QueryParam("team") @Size(max = 200) String team,
                                        @QueryParam("ownerId") @Size(max = 200) String ownerId,
                                        @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = QueryValues.date("from", from);
        LocalDate end = QueryValues.date("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw Problems.ruleViolated("validation",
                    List.of(new FieldViolation("from", "NotAfterTo", "must not be after to")), "validation", "from");
        }
        return service.report(new CompetitorFilter(blankToNull(team), blankToNull(ownerId), start, end), caller.get());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
