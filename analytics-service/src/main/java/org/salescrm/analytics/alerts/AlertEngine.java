package org.salescrm.analytics.alerts;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.archive.Archived;

/**
 * Runs the rules for a set of customers (churn and reclaim warning for the customer, stall for each
 * of its opportunities, overdue receivable for each instalment of its contracts) and settles their alerts. Needs an open transaction: the batch's or the scan's.
 */
@ApplicationScoped
public class AlertEngine {

    private final StallRule stall;
    private final ChurnRule churn;
    private final ReclaimWarningRule reclaim;
    private final OverdueReceivableRule receivables;
    private final ChurnConfig churnConfig;
    private final AlertLifecycle lifecycle;
    private final ArchivedAlerts archived;
    private final Clock clock;

    public AlertEngine(StallRule stall, ChurnRule churn, ReclaimWarningRule reclaim, OverdueReceivableRule receivables,
                       ChurnConfig churnConfig, AlertLifecycle lifecycle, ArchivedAlerts archived, Clock clock) {
        this.stall = stall;
        this.churn = churn;
        this.reclaim = reclaim;
        this.receivables = receivables;
        this.churnConfig = churnConfig;
        this.lifecycle = lifecycle;
        this.archived = archived;
        this.clock = clock;
    }

    /** Archived customers and opportunities are no rule's input: their alerts resolve first, none is raised. */
    public Uni<Void> evaluate(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = List.copyOf(customerIds);
        Instant now = clock.instant();
        return archived.resolve(ids, now).chain(() -> opportunities(ids))
                .chain(opportunities -> medians(opportunities).chain(medians -> signals(ids, now)
                .chain(signals -> reclaimWarnings(ids).chain(warnings -> instalments(ids).chain(owed -> {
                    List<Finding> findings = new ArrayList<>();
                    opportunities.forEach(o -> findings.add(stall.evaluate(o,
                            medians.get(o.ownerTeam() + "|" + o.stage()), now, clock.getZone())));
                    signals.forEach(s -> findings.add(churn.evaluate(s, now)));
                    ids.stream().filter(id -> signals.stream().noneMatch(s -> s.customerId().equals(id)))
                            .forEach(id -> findings.add(new Finding(AlertType.CHURN_RISK, id, id, null, null,
                                    List.of(), Severity.LOW, null, false)));
                    warnings.forEach(w -> findings.add(reclaim.evaluate(w, now, clock.getZone())));
                    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
                    owed.forEach(r -> findings.add(receivables.evaluate(r, today)));
                    return settleAll(findings, now);
                })))));
    }

    private Uni<Void> settleAll(List<Finding> findings, Instant now) {
        return Multi.createFrom().iterable(findings)
                .onItem().transformToUniAndConcatenate(f -> current(f).chain(a -> lifecycle.settle(f, a, now)))
                .collect().last().replaceWithVoid();
    }

    /** Locked, so a scan and a batch about the same subject take turns instead of overwriting each other. */
    private Uni<Alert> current(Finding f) {
        return Alert.<Alert>find("alertType = ?1 and subjectId = ?2 and status <> ?3", f.type(), f.subjectId(),
                        AlertStatus.RESOLVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Median days the deals of these opportunities' teams stayed in each stage they have left, with how
     * many left it; only the teams at hand, so a batch does not aggregate the whole history.
     */
    private Uni<Map<String, StageMedian>> medians(List<OpportunityState> opportunities) {
        List<String> teams = opportunities.stream().filter(OpportunityState::isOpen).map(OpportunityState::ownerTeam)
                .filter(Objects::nonNull).distinct().toList();
        if (teams.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Sql.rows("""
                WITH stays AS (
                    SELECT t.opportunity_id, t.to_stage AS stage, t.occurred_at AS entered_at,
                           LEAD(t.occurred_at) OVER (PARTITION BY t.opportunity_id ORDER BY t.aggregate_version) AS left_at
                    FROM stage_transition t
                    WHERE t.opportunity_id IN (SELECT opportunity_id FROM opportunity_fact WHERE owner_team IN (?1)))
                SELECT o.owner_team, s.stage, count(DISTINCT s.opportunity_id) AS samples,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (s.left_at - s.entered_at)) / 86400.0)
                           AS median_days
                FROM stays s JOIN opportunity_fact o ON o.opportunity_id = s.opportunity_id
                WHERE s.left_at IS NOT NULL AND o.owner_team IN (?1) AND %s
                GROUP BY o.owner_team, s.stage""".formatted(Archived.opportunityLive("o")), teams).map(rows -> {
            Map<String, StageMedian> medians = new HashMap<>();
            rows.forEach(r -> medians.put(r.text("owner_team") + "|" + r.text("stage"),
                    new StageMedian(r.number("samples"), r.real("median_days"))));
            return medians;
        });
    }

    private Uni<List<OpportunityState>> opportunities(List<UUID> customerIds) {
        return Sql.rows("""
                SELECT o.opportunity_id, o.customer_id, o.owner_id, o.owner_team, o.stage, o.status, o.stage_entered_at,
                       o.last_activity_at, o.expected_close_date, o.opened_at
                FROM opportunity_fact o WHERE o.customer_id IN (?1) AND %s
                ORDER BY o.opportunity_id""".formatted(Archived.opportunityLive("o")), customerIds)
                .map(rows -> rows.stream().map(r -> new OpportunityState(r.uuid("opportunity_id"),
                        r.uuid("customer_id"), r.text("owner_id"), r.text("owner_team"), r.text("stage"),
                        r.text("status"), r.instant("stage_entered_at"), r.instant("last_activity_at"),
                        r.date("expected_close_date"), r.instant("opened_at"))).toList());
    }

    private Uni<List<CustomerSignals>> signals(List<UUID> customerIds, Instant now) {
        Instant last30 = now.minus(Duration.ofDays(30));
        Instant prior90 = last30.minus(Duration.ofDays(90));
        Instant sentiment = now.minus(Duration.ofDays(churnConfig.sentimentDays()));
        Instant lookback = now.minus(Duration.ofDays(churnConfig.lookbackDays()));
        return Sql.rows("""
                SELECT c.customer_id, c.owner_id, c.owner_team, c.grade, c.won_deals, c.created_at,
                    (SELECT max(v.occurred_at) FROM visit_fact v WHERE v.customer_id = c.customer_id AND v.occurred_at <= ?2)
                        AS last_visit_at,
                    (SELECT count(*) FROM visit_fact v WHERE v.customer_id = c.customer_id
                        AND v.occurred_at > ?3 AND v.occurred_at <= ?2) AS visits_last_30,
                    (SELECT count(*) FROM visit_fact v WHERE v.customer_id = c.customer_id
                        AND v.occurred_at > ?4 AND v.occurred_at <= ?3) AS visits_prior_90,
                    (SELECT count(*) FROM visit_fact v WHERE v.customer_id = c.customer_id
                        AND v.occurred_at > ?5 AND v.occurred_at <= ?2 AND v.sentiment = 'NEGATIVE') AS negative_visits,
                    (SELECT count(*) FROM follow_up_fact f WHERE f.customer_id = c.customer_id AND f.status = 'OPEN'
                        AND (f.overdue_since IS NOT NULL OR f.due_on < ?7)) AS overdue_follow_ups,
                    c.active_decision_makers, c.decision_maker_left_at,
                    (SELECT count(*) FROM opportunity_fact o WHERE o.customer_id = c.customer_id AND o.status = 'LOST'
                        AND o.lost_at > ?6 AND NOT o.archived) AS recent_losses
                FROM customer_fact c WHERE c.customer_id IN (?1) AND NOT c.archived ORDER BY c.customer_id""",
                customerIds, Sql.at(now), Sql.at(last30), Sql.at(prior90), Sql.at(sentiment), Sql.at(lookback),
                LocalDate.ofInstant(now, clock.getZone()))
                .map(rows -> rows.stream().map(r -> new CustomerSignals(r.uuid("customer_id"), r.text("owner_id"),
                        r.text("owner_team"), r.text("grade"), r.number("won_deals"), r.instant("created_at"),
                        r.instant("last_visit_at"), r.number("visits_last_30"), r.number("visits_prior_90"),
                        r.number("negative_visits"), r.number("overdue_follow_ups"), r.number("active_decision_makers"),
                        r.instant("decision_maker_left_at"), r.number("recent_losses"))).toList());
    }

    /** The customers' instalments still owed, or whose alert may need to resolve (paid since). */
    private Uni<List<ReceivableState>> instalments(List<UUID> customerIds) {
        return Sql.rows("""
                SELECT r.instalment_id, r.contract_number, r.customer_id, r.owner_id, r.owner_team, r.due_on, r.amount,
                       r.outstanding, r.currency
                FROM receivable_instalment r
                WHERE r.customer_id IN (?1) AND (r.outstanding > 0 OR EXISTS (SELECT 1 FROM alert a
                    WHERE a.type = 'OVERDUE_RECEIVABLE' AND a.subject_id = r.instalment_id AND a.status <> 'RESOLVED'))
                  AND %s AND NOT EXISTS (SELECT 1 FROM opportunity_fact o
                                          WHERE o.opportunity_id = r.opportunity_id AND o.archived)
                ORDER BY r.instalment_id""".formatted(Archived.customerLive("r.customer_id")), customerIds)
                .map(rows -> rows.stream().map(r -> new ReceivableState(r.uuid("instalment_id"),
                        r.text("contract_number"), r.uuid("customer_id"), r.text("owner_id"), r.text("owner_team"),
                        r.date("due_on"), r.decimal("amount"), r.decimal("outstanding"), r.text("currency"))).toList());
    }

    /** The customers at hand ever warned: only they can have such an alert, raised or to resolve. */
    private Uni<List<ReclaimWarningState>> reclaimWarnings(List<UUID> customerIds) {
        return Sql.rows("""
                SELECT c.customer_id, c.owner_id, c.owner_team, c.reclaim_warned_at, c.reclaim_warned_owner,
                       c.reclaim_on, c.reclaim_days_silent,
                       (SELECT max(v.occurred_at) FROM visit_fact v WHERE v.customer_id = c.customer_id) AS last_visit_at
                FROM customer_fact c WHERE c.customer_id IN (?1) AND c.reclaim_warned_at IS NOT NULL AND NOT c.archived
                ORDER BY c.customer_id""", customerIds)
                .map(rows -> rows.stream().map(r -> new ReclaimWarningState(r.uuid("customer_id"),
                        r.text("owner_id"), r.text("owner_team"), r.instant("reclaim_warned_at"),
                        r.text("reclaim_warned_owner"), r.date("reclaim_on"), r.integer("reclaim_days_silent"),
                        r.instant("last_visit_at"))).toList());
    }
}
