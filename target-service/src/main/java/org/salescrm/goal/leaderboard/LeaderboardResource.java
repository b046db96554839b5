package org.salescrm.goal.leaderboard;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.security.CurrentCaller;
import org.salescrm.platform.security.Role;
import org.salescrm.platform.paging.QueryValues;
import org.salescrm.goal.actuals.Metric;
import org.salescrm.platform.time.Period;
import java.util.List;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;

@Cancellable(false)
@Path("/api/v1/leaderboards")
@RolesAllowed({Role.REP_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
public class LeaderboardResource {

    private final LeaderboardService service;
    private final CurrentCaller caller;

    public LeaderboardResource(LeaderboardService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** The top {@code limit} reps (default 50) of the period on the metric (default REVENUE); one page, no cursor. */
    @GET
    public Uni<Page<LeaderboardEntry>> board(@QueryParam("period") String period,
                                             @QueryParam("metric") String metric,
                                             @QueryParam("team") @Size(max = 200) String team,
                                             @QueryParam("limit") String limit) {
        Period p = Period.parse(period, "period");
        int size = PageRequest.of(limit, null).limit();
        Metric m = QueryValues.oneOf("metric", metric, Metric.class);
        if (m != null && m.isRate()) {
            // a board ranks sums; a rate of two deals would outrank one of fifty
            throw Problems.ruleViolated("validation", List.of(new FieldViolation("metric", "sum",
                    "the leaderboard ranks a summed metric, not a rate")), "validation", "metric");
        }
        return service.rank(p, m == null ? Metric.REVENUE : m, team, size, caller.get())
                .map(entries -> new Page<>(entries, null));
    }
}
