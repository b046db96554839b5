package org.salescrm.goal.forecast;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.salescrm.goal.actuals.Actuals;
import org.salescrm.goal.actuals.Deal;
import org.salescrm.goal.actuals.Metric;
import org.salescrm.goal.actuals.Pipeline;
import org.salescrm.goal.actuals.Slice;
import org.salescrm.goal.goal.Goal;
import org.salescrm.goal.goal.GoalService;
import org.salescrm.platform.time.Period;
import org.salescrm.goal.progress.ProgressService;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

/**
 * A REVENUE goal's forecast: revenue won in the period so far plus the open deals of its scope
 * expected to close inside it, from the replica of crm.opportunities.
 */
@ApplicationScoped
public class ForecastService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final GoalService goals;
    private final ProgressService progress;
    private final Actuals actuals;
    private final Pipeline pipeline;
    private final ForecastConfig config;
    private final Clock clock;

    public ForecastService(GoalService goals, ProgressService progress, Actuals actuals, Pipeline pipeline,
                           ForecastConfig config, Clock clock) {
        this.goals = goals;
        this.progress = progress;
        this.actuals = actuals;
        this.pipeline = pipeline;
        this.config = config;
        this.clock = clock;
    }

    /** The forecast of a goal the caller may read (else 404); only a REVENUE goal has one (else 422). */
    public Uni<ForecastView> ofGoal(UUID goalId, Caller caller) {
        // the goal is read in a session of its own, closed before the figures take pooled connections
        return Panache.withSession(() -> goals.findGoal(goalId, caller)).chain(goal -> {
            if (goal.metric != Metric.REVENUE) {
                // deals carry amounts: weighing them means something only against a revenue target
                return Uni.createFrom().failure(Problems.ruleViolated("forecast-metric",
                        List.of(new FieldViolation("metric", "REVENUE", "only a REVENUE goal has a forecast")),
                        "forecast-metric", goal.metric));
            }
            return of(goal);
        });
    }

    private Uni<ForecastView> of(Goal goal) {
        Period period = Period.parse(goal.period, "period");
        return progress.sliceOf(goal).chain(slice -> actuals.total(Metric.REVENUE, period, slice)
                .chain(won -> pipeline.openClosingIn(period, slice).map(open -> forecast(goal, won, open))));
    }

    private ForecastView forecast(Goal goal, BigDecimal won, List<Deal> open) {
        BigDecimal committed = won;
        BigDecimal bestCase = won;
        BigDecimal weighted = won;
        List<ForecastDeal> deals = open.stream().map(this::deal).toList();
        for (ForecastDeal deal : deals) {
            BigDecimal amount = deal.amount() == null ? BigDecimal.ZERO : deal.amount();
            bestCase = bestCase.add(amount);
            if (config.committedStages().contains(deal.stage())) {
                committed = committed.add(amount);
            }
            weighted = weighted.add(amount.multiply(BigDecimal.valueOf(deal.probability())).divide(HUNDRED));
        }
        return new ForecastView(goal.id, goal.period, goal.target, won, committed, bestCase,
                weighted.setScale(2, RoundingMode.HALF_UP), deals, clock.instant());
    }

    private ForecastDeal deal(Deal d) {
        return new ForecastDeal(d.opportunityId(), d.name(), d.customerId(), d.ownerId(), d.stage(), d.amount(),
                d.expectedCloseDate(), d.probability() == null ? 0 : d.probability());
    }
}
