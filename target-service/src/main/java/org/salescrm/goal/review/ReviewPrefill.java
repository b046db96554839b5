package org.salescrm.goal.review;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.salescrm.goal.actuals.Actuals;
import org.salescrm.goal.actuals.Deal;
import org.salescrm.goal.actuals.Metric;
import org.salescrm.goal.actuals.Pipeline;
import org.salescrm.goal.actuals.Slice;
import org.salescrm.goal.goal.Goal;
import org.salescrm.goal.goal.GoalRepository;
import org.salescrm.goal.goal.ScopeLevel;
import org.salescrm.platform.time.Period;
import org.salescrm.goal.progress.ProgressService;

/**
 * Computes a review's figures from its goals, the facts and the opportunity replica. Only
 * {@link #goalsOf} needs a session; the figures run on pooled connections of their own.
 */
@ApplicationScoped
public class ReviewPrefill {

    static final List<String> OPEN_STAGES =
            List.of("TARGET", "POTENTIAL", "INTENT", "PROJECT", "ACKNOWLEDGED", "NEGOTIATION");

    private final GoalRepository goals;
    private final ProgressService progress;
    private final Actuals actuals;
    private final Pipeline pipeline;
    private final Clock clock;

    public ReviewPrefill(GoalRepository goals, ProgressService progress, Actuals actuals, Pipeline pipeline,
                         Clock clock) {
        this.goals = goals;
        this.progress = progress;
        this.actuals = actuals;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** The goals set for exactly the review's scope and period. Needs an open session. */
    public Uni<List<Goal>> goalsOf(Review review) {
        return goals.list("period = ?1 and scopeLevel = ?2 and scopeId = ?3 order by metric", review.period,
                review.scopeLevel, review.scopeId);
    }

    public Uni<ReviewFigures> of(Review review, List<Goal> reviewGoals) {
        Period period = Period.parse(review.period, "period");
        Slice slice = review.scopeLevel == ScopeLevel.REP ? Slice.rep(review.scopeId)
                : Slice.teams(Set.of(review.scopeId));
        return goalFigures(reviewGoals).chain(goalFigures -> funnel(period, slice).chain(funnel -> pipeline
                .closedIn(period, "WON", slice).chain(won -> pipeline.closedIn(period, "LOST", slice)
                        .chain(lost -> pipeline.slipped(period, LocalDate.now(clock), slice)
                                .chain(slipped -> activity(period, slice).map(activity ->
                                        new ReviewFigures(goalFigures, funnel.withClosed(won, lost), won, lost,
                                                slipped, activity)))))));
    }

    /** Each goal with its progress. */
    private Uni<List<ReviewFigures.GoalFigure>> goalFigures(List<Goal> reviewGoals) {
        return Multi.createFrom().iterable(reviewGoals)
                .onItem().transformToUniAndConcatenate((Goal goal) -> progress.of(goal)
                        .map(p -> new ReviewFigures.GoalFigure(goal.id, goal.metric, goal.target, p.actual(),
                                p.achievementRate())))
                .collect().asList();
    }

    private record OpenFunnel(List<ReviewFigures.StageCount> stages, BigDecimal conversionRate) {
        ReviewFigures.Funnel withClosed(List<Deal> won, List<Deal> lost) {
            return new ReviewFigures.Funnel(stages, won.size(), lost.size(), conversionRate);
        }
    }

    private Uni<OpenFunnel> funnel(Period period, Slice slice) {
        return pipeline.open(slice).chain(open -> actuals.conversionRate(period, slice).map(rate -> {
            List<ReviewFigures.StageCount> stages = new ArrayList<>();
            for (String stage : OPEN_STAGES) {
                List<Deal> in = open.stream().filter(d -> stage.equals(d.stage())).toList();
                BigDecimal amount = in.stream().map(d -> d.amount() == null ? BigDecimal.ZERO : d.amount())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                stages.add(new ReviewFigures.StageCount(stage, in.size(), amount));
            }
            return new OpenFunnel(stages, rate);
        }));
    }

    private Uni<ReviewFigures.Activity> activity(Period period, Slice slice) {
        return actuals.total(Metric.VISITS, period, slice).chain(visits -> actuals
                .total(Metric.EFFECTIVE_VISITS, period, slice).chain(effective -> actuals
                        .total(Metric.NEW_CUSTOMERS, period, slice).chain(newCustomers -> actuals
                                .total(Metric.WON_DEALS, period, slice).chain(wonDeals -> actuals
                                        .total(Metric.REVENUE, period, slice).chain(revenue -> actuals
                                                .total(Metric.COLLECTED, period, slice).map(collected ->
                                                        new ReviewFigures.Activity(visits, effective, newCustomers,
                                                                wonDeals, revenue, collected)))))));
    }
}
