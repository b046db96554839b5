package org.salescrm.analytics.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.salescrm.events.analytics.AlertReason;

/**
 * Churn risk (API.md): for a customer that is grade A or has won a deal, a score 0–100 summed from
 * weighted signals (weights in {@link ChurnConfig}, documented in the README), an alert once it reaches
 * {@code crm.churn.alert-score}. Every signal that adds to the score is a reason, largest first.
 */
@ApplicationScoped
public class ChurnRule {

    private final ChurnConfig config;

    public ChurnRule(ChurnConfig config) {
        this.config = config;
    }

    /** The score and the reasons behind it, whether or not it reaches the alert score. */
    public Score score(CustomerSignals s, Instant now) {
        List<Contribution> parts = new ArrayList<>();
        silence(s, now).ifPresent(parts::add);
        visitDrop(s).ifPresent(parts::add);
        if (s.overdueFollowUps() > 0) {
            parts.add(new Contribution(config.weights().overdueFollowUps(), new AlertReason("OVERDUE_FOLLOW_UPS",
                    "%d follow-up%s overdue".formatted(s.overdueFollowUps(), s.overdueFollowUps() == 1 ? "" : "s"),
                    BigDecimal.valueOf(s.overdueFollowUps()), BigDecimal.ZERO)));
        }
        if (s.negativeVisits() > 0) {
            parts.add(new Contribution(config.weights().negativeSentiment(), new AlertReason("NEGATIVE_SENTIMENT",
                    "%d visit%s with negative sentiment in the last %d days".formatted(s.negativeVisits(),
                            s.negativeVisits() == 1 ? "" : "s", config.sentimentDays()),
                    BigDecimal.valueOf(s.negativeVisits()), BigDecimal.ZERO)));
        }
        decisionMakerLeft(s, now).ifPresent(parts::add);
        if (s.recentlyLost() > 0) {
            parts.add(new Contribution(config.weights().lostOpportunity(), new AlertReason("LOST_OPPORTUNITY",
                    "%d opportunit%s lost in the last %d days".formatted(s.recentlyLost(),
                            s.recentlyLost() == 1 ? "y" : "ies", config.lookbackDays()),
                    BigDecimal.valueOf(s.recentlyLost()), BigDecimal.ZERO)));
        }
        parts.sort(Comparator.comparingDouble(Contribution::points).reversed());
        double total = parts.stream().mapToDouble(Contribution::points).sum();
        int score = (int) Math.min(100, Math.round(total));
        return new Score(score, parts.stream().map(Contribution::reason).toList());
    }

    Finding evaluate(CustomerSignals s, Instant now) {
        boolean watched = "A".equals(s.grade()) || s.wonDeals() > 0;
        Score score = watched ? score(s, now) : new Score(0, List.of());
        boolean raise = watched && score.value() >= config.alertScore();
        return new Finding(AlertType.CHURN_RISK, s.customerId(), s.customerId(), s.ownerId(), s.ownerTeam(),
                raise ? score.reasons() : List.of(), severity(score.value()), score.value(), false);
    }

    /**
     * The first moment after {@code now} at which this customer's score could change with no event: its silence
     * passing the grade's cadence (and then every day, as the silence grows), the departure of its last decision
     * maker leaving the lookback (its days counting meanwhile), or {@code windowChange}: the next visit, loss or
     * follow-up due date to enter or leave a window (read with the signals). Null when the customer is not
     * watched: only an event changes that.
     */
    Instant nextCheck(CustomerSignals s, Instant windowChange, Instant now) {
        if (!"A".equals(s.grade()) && s.wonDeals() <= 0) {
            return null;
        }
        List<Instant> moments = new ArrayList<>();
        moments.add(windowChange);
        Instant since = s.lastVisitAt() != null ? s.lastVisitAt() : s.createdAt();
        moments.add(StallRule.dayAfter(since, config.cadenceDays().forGrade(s.grade()), now));
        if (s.decisionMakerLeftAt() != null && s.activeDecisionMakers() == 0
                && StallRule.days(s.decisionMakerLeftAt(), now) <= config.lookbackDays()) {
            moments.add(StallRule.dayAfter(s.decisionMakerLeftAt(), 0, now));
        }
        return StallRule.earliest(moments);
    }

    /** HIGH from 85, MEDIUM from 70, LOW below (an alert only exists from the alert score on). */
    static Severity severity(int score) {
        return score >= 85 ? Severity.HIGH : score >= 70 ? Severity.MEDIUM : Severity.LOW;
    }

    /** Grows linearly from nothing at the grade's cadence to the full weight at twice the cadence. */
    private Optional<Contribution> silence(CustomerSignals s, Instant now) {
        Instant since = s.lastVisitAt() != null ? s.lastVisitAt() : s.createdAt();
        if (since == null) {
            return Optional.empty();
        }
        long days = StallRule.days(since, now);
        int cadence = config.cadenceDays().forGrade(s.grade());
        if (days <= cadence) {
            return Optional.empty();
        }
        double share = Math.min(1.0, (double) (days - cadence) / cadence);
        String message = s.lastVisitAt() != null
                ? "no visit for %d days; grade %s expects one every %d".formatted(days, s.grade(), cadence)
                : "never visited in the %d days since it was created; grade %s expects a visit every %d"
                        .formatted(days, s.grade(), cadence);
        return Optional.of(new Contribution(config.weights().silence() * share,
                new AlertReason("SILENCE", message, BigDecimal.valueOf(days), BigDecimal.valueOf(cadence))));
    }

    /** Visits in the last 30 days against the monthly average of the 90 days before, once there is history. */
    private Optional<Contribution> visitDrop(CustomerSignals s) {
        if (s.visitsPrior90() < config.visitDropMinHistory()) {
            return Optional.empty();
        }
        BigDecimal monthly = BigDecimal.valueOf(s.visitsPrior90()).divide(BigDecimal.valueOf(3), 1, RoundingMode.HALF_UP);
        if (s.visitsLast30() >= monthly.doubleValue() * config.visitDropRatio()) {
            return Optional.empty();
        }
        return Optional.of(new Contribution(config.weights().visitDrop(), new AlertReason("VISIT_DROP",
                "%d visit%s in the last 30 days against %s a month in the 90 days before".formatted(s.visitsLast30(),
                        s.visitsLast30() == 1 ? "" : "s", StallRule.plain(monthly)),
                BigDecimal.valueOf(s.visitsLast30()), monthly)));
    }

    /** Counts while no decision maker is active and the last one left within the lookback. */
    private Optional<Contribution> decisionMakerLeft(CustomerSignals s, Instant now) {
        if (s.decisionMakerLeftAt() == null || s.activeDecisionMakers() > 0) {
            return Optional.empty();
        }
        long days = StallRule.days(s.decisionMakerLeftAt(), now);
        if (days > config.lookbackDays()) {
            return Optional.empty();
        }
        return Optional.of(new Contribution(config.weights().decisionMakerLeft(), new AlertReason(
                "DECISION_MAKER_LEFT", "the decision maker left %d days ago and no other is known".formatted(days),
                BigDecimal.valueOf(days), BigDecimal.valueOf(config.lookbackDays()))));
    }

    /** A score and its reasons, largest contribution first. */
    public record Score(int value, List<AlertReason> reasons) {
    }

    private record Contribution(double points, AlertReason reason) {
    }
}
