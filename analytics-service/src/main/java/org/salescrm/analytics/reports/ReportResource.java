package org.salescrm.analytics.reports;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.analytics.reports.Reports.Activity;
import org.salescrm.analytics.reports.Reports.Funnel;
import org.salescrm.analytics.reports.Reports.Pipeline;
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;
import org.salescrm.platform.time.Period;

@Cancellable(false)
@Path("/api/v1/reports")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class ReportResource {

    private final ReportService reports;
    private final FigureService figures;
    private final CurrentCaller caller;
    private final Clock clock;

    public ReportResource(ReportService reports, FigureService figures, CurrentCaller caller, Clock clock) {
        this.reports = reports;
        this.figures = figures;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/funnel")
    public Uni<Funnel> funnel(@QueryParam("team") @Size(max = 200) String team,
                              @QueryParam("ownerId") @Size(max = 200) String ownerId,
                              @QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.funnel(filter(team, ownerId, from, to), caller.get());
    }

    @GET
    @Path("/pipeline")
    public Uni<Pipeline> pipeline(@QueryParam("team") @Size(max = 200) String team,
                                  @QueryParam("ownerId") @Size(max = 200) String ownerId) {
        return reports.pipeline(new ReportFilter(blankToNull(team), blankToNull(ownerId), null, null), caller.get());
    }

    @GET
    @Path("/activity")
    public Uni<Activity> activity(@QueryParam("team") @Size(max = 200) String team,
                                  @QueryParam("ownerId") @Size(max = 200) String ownerId,
                                  @QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.activity(filter(team, ownerId, from, to), caller.get());
    }

    /**
     * Per rep ({@code groupBy=REP}, the default), team or region (its teams as the organisation had them on the
     * period's last day): the period's figures and the previous period's. The
     * period is written as goals write it (2026, 2026-Q4, 2026-11, 2026-W47); none given: the current month.
     */
    @GET
    @Path("/figures")
    public Uni<Figures.Report> figures(@QueryParam("period") @Size(max = 20) String period,
                                       @QueryParam("team") @Size(max = 200) String team,
                                       @QueryParam("ownerId") @Size(max = 200) String ownerId,
                                       @QueryParam("groupBy") String groupBy) {
        Period asked = QueryValues.period("period", period);
        Figures.GroupBy by = QueryValues.oneOf("groupBy", groupBy, Figures.GroupBy.class);
        return figures.figures(asked == null ? Period.tryParse(YearMonth.now(clock).toString()) : asked,
                blankToNull(team), blankToNull(ownerId), by == null ? Figures.GroupBy.REP : by, caller.get());
    }

    private static ReportFilter filter(String team, String ownerId, String from, String to) {
        LocalDate start = QueryValues.date("from", from);
        LocalDate end = QueryValues.date("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw Problems.ruleViolated("validation",
                    List.of(new FieldViolation("from", "NotAfterTo", "must not be after to")), "validation", "from");
        }
        return new ReportFilter(blankToNull(team), blankToNull(ownerId), start, end);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
