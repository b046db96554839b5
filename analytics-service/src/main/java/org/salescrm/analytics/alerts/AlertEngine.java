package org.salescrm.analytics.alerts;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.archive.Archived;

/**
 * Runs the rules for a set of customers (churn and reclaim warning for the customer, stall for each
 * of its opportunities, overdue receivable for each instalment of its contracts) and settles their alerts. Needs an open transaction: the batch's or the scan's.
 */
@ApplicationScoped
public class AlertEngine {

    /** Subjects whose alerts one query loads: its HQL binds an id per alert, and PostgreSQL takes 32,767 at most. */
    private static final int SUBJECTS_PER_QUERY = 5_000;

    private final StallRule stall;
    private final StageMedians stageMedians;
    private final ChurnRule churn;
    private final ReclaimWarningRule reclaim;
    private final OverdueReceivableRule receivables;
    private final ChurnConfig churnConfig;
    private final AlertLifecycle lifecycle;
    private final ArchivedAlerts archived;
    private final Clock clock;

    public AlertEngine(StallRule stall, StageMedians medians, ChurnRule churn, ReclaimWarningRule reclaim,
                       OverdueReceivableRule receivables, ChurnConfig churnConfig, AlertLifecycle lifecycle,
                       ArchivedAlerts archived, Clock clock) {
        this.stall = stall;
        this.stageMedians = medians;
        this.churn = churn;
        this.reclaim = reclaim;
        this.receivables = receivables;
        this.churnConfig = churnConfig;
        this.lifecycle = lifecycle;
        this.archived = archived;
        this.clock = clock;
    }

    /**
     * Archived customers and opportunities are no rule's input: their alerts resolve first, none is raised, and they
     * have no moment on the scan.
     */
    public Uni<Void> evaluate(Collection<UUID> customerIds) {
        return evaluate(customerIds, Set.of(), Set.of());
    }

    /**
     * The same, after events that can have moved nothing of the customers in {@code activityOnly} but their deals'
     * last activity: of their deals only those whose activity moved are read ({@link Deals#of(List, Set)}). Of the
     * customers in {@code dealsHeld} (whose events were visits alone and whose latest visit stayed) none: every input
     * of their deals' activity is as at the last evaluation, which wrote it to the deals' rows, so the read would find
     * none moved.
     */
    public Uni<Void> evaluate(Collection<UUID> customerIds, Set<UUID> activityOnly, Set<UUID> dealsHeld) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = List.copyOf(customerIds);
        List<UUID> dealsToRead = ids.stream().filter(id -> !dealsHeld.contains(id)).toList();
        Instant now = clock.instant();
        Map<UUID, Instant> windowChanges = new HashMap<>();
        return archived.resolve(ids, now).chain(() -> Deals.of(dealsToRead, activityOnly))
                .chain(deals -> medians(deals).chain(medians -> signals(ids, now, windowChanges)
                .chain(signals -> reclaimWarnings(ids).chain(warnings -> instalments(ids).chain(owed -> {
                    Evaluation evaluation = new Evaluation(ids, now, deals);
                    evaluation.opportunities(medians);
                    evaluation.customers(signals, windowChanges);
                    evaluation.reclaimWarnings(warnings);
                    evaluation.instalments(owed);
                    return settleAll(evaluation.findings, now).chain(evaluation::writeNextChecks);
                })))));
    }

    /**
     * What the rules find about each subject of the customers at hand now, and when each is next due on the scan
     * ({@code next_check_at}): an opportunity, a customer (the earlier of its churn and reclaim-warning moments), an
     * instalment. A subject of these customers the rules did not read (archived, paid, a customer not watched) has
     * none.
     */
    private final class Evaluation {

        final List<UUID> customerIds;
        final List<Deals.Deal> deals;
        final List<Finding> findings = new ArrayList<>();
        final Map<UUID, Instant> opportunityChecks = new HashMap<>();
        final Map<UUID, Instant> customerChecks = new HashMap<>();
        final Map<UUID, Instant> instalmentChecks = new HashMap<>();
        final Instant now;
        final ZoneId zone = clock.getZone();
        final LocalDate today;

        Evaluation(List<UUID> customerIds, Instant now, List<Deals.Deal> deals) {
            this.customerIds = customerIds;
            this.deals = deals;
            this.now = now;
            this.today = LocalDate.ofInstant(now, zone);
        }

        void opportunities(Map<String, StageMedian> medians) {
            Deals.live(deals).forEach(o -> {
                StageMedian median = medians.get(StageMedians.key(o.ownerTeam(), o.stage()));
                findings.add(stall.evaluate(o, median, now, zone));
                opportunityChecks.put(o.opportunityId(), stall.nextCheck(o, median, now, zone));
            });
        }

        /** A customer without facts yet (or archived) has no churn risk: an alert it may hold is resolved. */
        void customers(List<CustomerSignals> signals, Map<UUID, Instant> windowChanges) {
            signals.forEach(s -> {
                findings.add(churn.evaluate(s, now));
                customerCheck(s.customerId(), churn.nextCheck(s, windowChanges.get(s.customerId()), now));
            });
            Set<UUID> known = signals.stream().map(CustomerSignals::customerId).collect(Collectors.toSet());
            customerIds.stream().filter(id -> !known.contains(id)).forEach(id -> findings.add(new Finding(
                    AlertType.CHURN_RISK, id, id, null, null, List.of(), Severity.LOW, null, false)));
        }

        /**
         * While a warning holds, its days left count down at each business midnight and its days silent go up
         * each whole day since the warning.
         */
        void reclaimWarnings(List<ReclaimWarningState> warnings) {
            Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
            warnings.forEach(w -> {
                Finding finding = reclaim.evaluate(w, now, zone);
                findings.add(finding);
                customerCheck(w.customerId(), finding.holds()
                        ? StallRule.earliest(Arrays.asList(tomorrow, StallRule.dayAfter(w.warnedAt(), 0, now)))
                        : null);
            });
        }

        /** An instalment owed falls overdue the day after its due date, then counts a day more each day. */
        void instalments(List<ReceivableState> owed) {
            owed.forEach(r -> {
                findings.add(receivables.evaluate(r, today));
                instalmentChecks.put(r.instalmentId(), r.outstanding().signum() <= 0 ? null
                        : (today.isAfter(r.dueOn()) ? today : r.dueOn()).plusDays(1).atStartOfDay(zone).toInstant());
            });
        }

        /** The earlier of the moments given for a customer; null (none) only when none was given. */
        private void customerCheck(UUID id, Instant at) {
            Instant held = customerChecks.get(id);
            customerChecks.put(id, held == null ? at : at == null || held.isBefore(at) ? held : at);
        }

        Uni<Void> writeNextChecks() {
            return Deals.write(deals, opportunityChecks)
                    .chain(() -> nextChecks("customer_fact", "customer_id", customerIds, customerChecks))
                    .chain(() -> nextChecks("receivable_instalment", "instalment_id", customerIds, instalmentChecks));
        }
    }

    /**
     * One statement per table for every row of these customers: its moment, or none for a row the rules did not
     * read. A row whose moment did not move is not written again. The deals' moments go with their activity
     * ({@link Deals#write}).
     */
    private static Uni<Void> nextChecks(String table, String id, List<UUID> customerIds, Map<UUID, Instant> moments) {
        List<Map.Entry<UUID, Instant>> rows = new ArrayList<>(moments.entrySet());
        return Sql.update("""
                        UPDATE %1$s t SET next_check_at = m.at
                        FROM %1$s x LEFT JOIN unnest(CAST(?2 AS uuid[]),
                                CAST(CAST(?3 AS text[]) AS timestamptz[])) AS m(id, at) ON m.id = x.%2$s
                        WHERE x.customer_id = ANY (CAST(?1 AS uuid[])) AND t.%2$s = x.%2$s
                          AND t.next_check_at IS DISTINCT FROM m.at""".formatted(table, id),
                Sql.array(customerIds, UUID.class), Sql.array(rows, UUID.class, Map.Entry::getKey),
                Sql.instants(rows, Map.Entry::getValue))
                .replaceWithVoid();
    }

    private Uni<Void> settleAll(List<Finding> findings, Instant now) {
        return current(findings).chain(alerts -> Multi.createFrom().iterable(findings)
                .onItem().transformToUniAndConcatenate(f -> lifecycle.settle(f, alerts.get(key(f.type(), f.subjectId())),
                        now))
                .collect().last().replaceWithVoid());
    }

    /**
     * The findings' alerts that are not RESOLVED: one native query finds and locks them (in id order, so a scan and
     * a batch about the same subject take turns instead of overwriting each other), and only when there are some are
     * they loaded as entities, one query per {@value #SUBJECTS_PER_QUERY} subjects rather than one per finding. An
     * alert this transaction has just resolved (an archived subject's) may not be flushed yet: it is left out here.
     */
    private Uni<Map<String, Alert>> current(List<Finding> findings) {
        List<UUID> subjects = findings.stream().map(Finding::subjectId).distinct().toList();
        Map<String, Alert> alerts = new HashMap<>();
        return Multi.createFrom().iterable(chunks(subjects))
                .onItem().transformToUniAndConcatenate(chunk -> Sql.rows("""
                                SELECT id FROM alert
                                WHERE subject_id = ANY (CAST(?1 AS uuid[])) AND status <> 'RESOLVED'
                                ORDER BY id FOR UPDATE""", Sql.array(chunk, UUID.class))
                        .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(List.<Alert>of())
                                : Alert.<Alert>list("id in ?1", rows.stream().map(r -> r.uuid("id")).toList()))
                        .invoke(list -> list.stream().filter(a -> a.status != AlertStatus.RESOLVED)
                                .forEach(a -> alerts.put(key(a.alertType, a.subjectId), a))))
                .collect().last().replaceWith(alerts);
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        List<List<UUID>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += SUBJECTS_PER_QUERY) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + SUBJECTS_PER_QUERY)));
        }
        return chunks;
    }

    private static String key(AlertType type, UUID subjectId) {
        return type + "|" + subjectId;
    }

    /** The medians of the teams of the live deals that are open: only those can dwell. */
    private Uni<Map<String, StageMedian>> medians(List<Deals.Deal> deals) {
        return stageMedians.of(Deals.live(deals).stream().filter(OpportunityState::isOpen)
                .map(OpportunityState::ownerTeam).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    /**
     * The customers' churn signals as of now, and in {@code windowChanges} the next moment one of them moves with
     * no event: a visit leaving the last 30 days or the 90 before, a negative visit leaving the sentiment window, a
     * loss leaving the lookback, an open follow-up falling overdue, a visit dated ahead entering the windows.
     */
    private Uni<List<CustomerSignals>> signals(List<UUID> customerIds, Instant now, Map<UUID, Instant> windowChanges) {
        Instant last30 = now.minus(Duration.ofDays(30));
        Instant prior90 = last30.minus(Duration.ofDays(90));
        Instant sentiment = now.minus(Duration.ofDays(churnConfig.sentimentDays()));
        Instant lookback = now.minus(Duration.ofDays(churnConfig.lookbackDays()));
        return Sql.rows("""
                SELECT c.customer_id, c.owner_id, c.owner_team, c.grade, c.won_deals, c.created_at,
                    (SELECT max(v.occurred_at) FROM visit_fact v WHERE v.customer_id = c.customer_id AND v.occurred_at <= ?2)
                        AS last_visit_at,
                    w.visits_last_30, w.visits_prior_90, w.negative_visits,
                    (SELECT count(*) FROM follow_up_fact f WHERE f.customer_id = c.customer_id AND f.status = 'OPEN'
                        AND (f.overdue_since IS NOT NULL OR f.due_on < ?7)) AS overdue_follow_ups,
                    c.active_decision_makers, c.decision_maker_left_at,
                    (SELECT count(*) FROM opportunity_fact o WHERE o.customer_id = c.customer_id AND o.status = 'LOST'
                        AND o.lost_at > ?6 AND NOT o.archived) AS recent_losses,
                    LEAST(w.leaves_last_30, w.leaves_prior_90, w.enters, w.leaves_sentiment,
                          (SELECT min(o.lost_at) + make_interval(days => ?9) FROM opportunity_fact o
                            WHERE o.customer_id = c.customer_id AND o.status = 'LOST' AND o.lost_at > ?6
                              AND NOT o.archived),
                          (SELECT CAST(min(f.due_on) + 1 AS timestamp) AT TIME ZONE ?10 FROM follow_up_fact f
                            WHERE f.customer_id = c.customer_id AND f.status = 'OPEN' AND f.overdue_since IS NULL
                              AND f.due_on >= ?7)) AS window_change
                FROM customer_fact c
                -- every window's visits in one pass over the customer's index range, not one pass per figure
                CROSS JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE v.occurred_at > ?3 AND v.occurred_at <= ?2) AS visits_last_30,
                        count(*) FILTER (WHERE v.occurred_at > ?4 AND v.occurred_at <= ?3) AS visits_prior_90,
                        count(*) FILTER (WHERE v.occurred_at > ?5 AND v.occurred_at <= ?2 AND v.sentiment = 'NEGATIVE')
                            AS negative_visits,
                        min(v.occurred_at) FILTER (WHERE v.occurred_at > ?3 AND v.occurred_at <= ?2)
                            + interval '30 days' AS leaves_last_30,
                        min(v.occurred_at) FILTER (WHERE v.occurred_at > ?4 AND v.occurred_at <= ?3)
                            + interval '120 days' AS leaves_prior_90,
                        min(v.occurred_at) FILTER (WHERE v.occurred_at > ?2) AS enters,
                        min(v.occurred_at) FILTER (WHERE v.occurred_at > ?5 AND v.occurred_at <= ?2
                            AND v.sentiment = 'NEGATIVE') + make_interval(days => ?8) AS leaves_sentiment
                    FROM visit_fact v WHERE v.customer_id = c.customer_id
                      AND v.occurred_at > LEAST(CAST(?4 AS timestamptz), CAST(?5 AS timestamptz))) w
                WHERE c.customer_id = ANY (CAST(?1 AS uuid[])) AND NOT c.archived ORDER BY c.customer_id""",
                Sql.array(customerIds, UUID.class), Sql.at(now), Sql.at(last30), Sql.at(prior90), Sql.at(sentiment),
                Sql.at(lookback),
                LocalDate.ofInstant(now, clock.getZone()), churnConfig.sentimentDays(), churnConfig.lookbackDays(),
                clock.getZone().getId())
                .map(rows -> rows.stream().map(r -> {
                    windowChanges.put(r.uuid("customer_id"), r.instant("window_change"));
                    return new CustomerSignals(r.uuid("customer_id"), r.text("owner_id"),
                            r.text("owner_team"), r.text("grade"), r.number("won_deals"), r.instant("created_at"),
                            r.instant("last_visit_at"), r.number("visits_last_30"), r.number("visits_prior_90"),
                            r.number("negative_visits"), r.number("overdue_follow_ups"),
                            r.number("active_decision_makers"), r.instant("decision_maker_left_at"),
                            r.number("recent_losses"));
                }).toList());
    }

    /** The customers' instalments still owed, or whose alert may need to resolve (paid since). */
    private Uni<List<ReceivableState>> instalments(List<UUID> customerIds) {
        return Sql.rows("""
                SELECT r.instalment_id, r.contract_number, r.customer_id, r.owner_id, r.owner_team, r.due_on, r.amount,
                       r.outstanding, r.currency
                FROM receivable_instalment r
                WHERE r.customer_id = ANY (CAST(?1 AS uuid[])) AND (r.outstanding > 0 OR EXISTS (SELECT 1 FROM alert a
                    WHERE a.type = 'OVERDUE_RECEIVABLE' AND a.subject_id = r.instalment_id AND a.status <> 'RESOLVED'))
                  AND %s AND NOT EXISTS (SELECT 1 FROM opportunity_fact o
                                          WHERE o.opportunity_id = r.opportunity_id AND o.archived)
                ORDER BY r.instalment_id""".formatted(Archived.customerLive("r.customer_id")),
                Sql.array(customerIds, UUID.class))
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
                FROM customer_fact c
                WHERE c.customer_id = ANY (CAST(?1 AS uuid[])) AND c.reclaim_warned_at IS NOT NULL AND NOT c.archived
                ORDER BY c.customer_id""", Sql.array(customerIds, UUID.class))
                .map(rows -> rows.stream().map(r -> new ReclaimWarningState(r.uuid("customer_id"),
                        r.text("owner_id"), r.text("owner_team"), r.instant("reclaim_warned_at"),
                        r.text("reclaim_warned_owner"), r.date("reclaim_on"), r.integer("reclaim_days_silent"),
                        r.instant("last_visit_at"))).toList());
    }
}
