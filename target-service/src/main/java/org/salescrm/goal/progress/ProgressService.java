package org.salescrm.goal.progress;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.salescrm.goal.actuals.Actuals;
import org.salescrm.goal.actuals.Slice;
import org.salescrm.goal.goal.Goal;
import org.salescrm.goal.goal.GoalService;
import org.salescrm.goal.organisation.OrganisationService;
import org.salescrm.platform.time.Period;
import org.salescrm.platform.security.Caller;

/** A goal's actual from the facts of its scope, and the pace against the elapsed share of its period. */
@ApplicationScoped
public class ProgressService {

    private final GoalService goals;
    private final Actuals actuals;
    private final OrganisationService organisation;
    private final ProgressConfig config;
    private final Clock clock;

    public ProgressService(GoalService goals, Actuals actuals, OrganisationService organisation, ProgressConfig config,
                           Clock clock) {
        this.goals = goals;
        this.actuals = actuals;
        this.organisation = organisation;
        this.config = config;
        this.clock = clock;
    }

    /** The progress of a goal the caller may read; one out of reach answers as a missing one. */
    public Uni<ProgressView> ofGoal(UUID goalId, Caller caller) {
        // the session closes before the sums take pooled connections: never hold one while waiting for another
        return Panache.withSession(() -> goals.findGoal(goalId, caller)).chain(this::of);
    }

    public Uni<ProgressView> of(Goal goal) {
        Period period = Period.parse(goal.period, "period");
        Instant now = clock.instant();
        return sliceOf(goal).chain(slice -> actuals.measure(goal.metric, period, slice)).map(actual -> {
            BigDecimal[] elapsed = elapsed(period, now, clock.getZone());
            BigDecimal share = elapsed[0].divide(elapsed[1], 4, RoundingMode.HALF_UP);
            // a rate does not accumulate over the period: it should stand at its target all along
            BigDecimal expected = goal.metric.isRate() ? goal.target
                    : goal.target.multiply(elapsed[0]).divide(elapsed[1], 2, RoundingMode.HALF_UP);
            BigDecimal achievement = actual == null ? null : ratio(actual, goal.target);
            Pace pace = actual == null ? null : pace(actual, expected);
            return new ProgressView(goal.id, goal.period, goal.metric, goal.target, actual, achievement, share,
                    expected, pace, now);
        });
    }

    /**
     * Which facts roll up into the goal: a rep's own, a team's reps', a region's teams', all, or a
     * product line's. A region's teams are those the organisation had on the period's last day, so a
     * past period keeps the structure it had and a team moved later does not change its figures.
     */
    public Uni<Slice> sliceOf(Goal goal) {
        return switch (goal.scopeLevel) {
            case REP -> Uni.createFrom().item(Slice.rep(goal.scopeId));
            case TEAM -> Uni.createFrom().item(Slice.teams(Set.of(goal.scopeId)));
            case REGION -> Panache.withSession(() -> organisation.teamsOf(goal.scopeId,
                    Period.parse(goal.period, "period").end())).map(teams -> Slice.teams(Set.copyOf(teams)));
            case COMPANY -> Uni.createFrom().item(Slice.everything());
            case PRODUCT -> Uni.createFrom().item(Slice.productLine(goal.scopeId, goal.ownerTeam));
        };
    }

    /**
     * Seconds of the period gone by and its length in seconds: none before its first business day
     * starts, all of it after its last one ends, in between by the clock.
     */
    static BigDecimal[] elapsed(Period period, Instant now, ZoneId zone) {
        Instant start = period.start().atStartOfDay(zone).toInstant();
        Instant end = period.end().plusDays(1).atStartOfDay(zone).toInstant();
        long total = Duration.between(start, end).getSeconds();
        long gone = Math.min(total, Math.max(0, Duration.between(start, now).getSeconds()));
        return new BigDecimal[] {BigDecimal.valueOf(gone), BigDecimal.valueOf(total)};
    }

    Pace pace(BigDecimal actual, BigDecimal expected) {
        BigDecimal band = config.paceBand();
        if (actual.compareTo(expected.multiply(BigDecimal.ONE.add(band))) > 0) {
            return Pace.AHEAD;
        }
        if (actual.compareTo(expected.multiply(BigDecimal.ONE.subtract(band))) < 0) {
            return Pace.BEHIND;
        }
        return Pace.ON_TRACK;
    }

    /** actual / target as a ratio to four places; null when there is no target to measure against. */
    public static BigDecimal ratio(BigDecimal actual, BigDecimal target) {
        if (target == null || target.signum() == 0) {
            return null;
        }
        return actual.divide(target, 4, RoundingMode.HALF_UP);
    }
}
