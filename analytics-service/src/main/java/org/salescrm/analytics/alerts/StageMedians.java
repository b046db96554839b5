package org.salescrm.analytics.alerts;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.archive.Archived;
import org.salescrm.events.DomainEvent;

/**
 * Each team's median days per stage, the yardstick of DWELL, kept in {@code stage_median} instead of aggregated
 * from the team's whole history for every batch (that aggregate grows with the team's deals: it was the costliest
 * statement of the ingest). A batch lists in {@code stage_median_stale} the teams whose deals' completed stays it
 * changed; a stale team's medians are recomputed the next time the rules need them.
 */
@ApplicationScoped
public class StageMedians {

    /**
     * Applies {@code change} and marks stale every team whose median inputs it moved: a deal's moves (one that ends
     * a stay), its team, or whether it counts at all (it or its customer archived). The inputs of the customers
     * whose deals {@code events} may touch are compared before and after, so the team a deal leaves is found as well
     * as the one it joins, whichever fact the change wrote.
     */
    public Uni<Void> tracking(List<DomainEvent> events, Supplier<Uni<Void>> change) {
        List<UUID> customers = events.stream().filter(DealMoves::canMoveDeals).map(DomainEvent::partitionKey)
                .distinct().toList();
        if (customers.isEmpty()) {
            return change.get();
        }
        return inputs(customers).chain(before -> change.get().chain(() -> inputs(customers))
                .chain(after -> markStale(changedTeams(before, after))));
    }

    /** The medians of these teams as of now, by {@code team|stage}: a stale team's are recomputed first. */
    Uni<Map<String, StageMedian>> of(Collection<String> teams) {
        if (teams.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> sorted = List.copyOf(new TreeSet<>(teams));
        return refreshStale(sorted).chain(() -> Sql.rows("""
                SELECT owner_team, stage, samples, median_days FROM stage_median
                WHERE owner_team = ANY (CAST(?1 AS text[]))""",
                Sql.array(sorted, String.class)))
                .map(rows -> {
                    Map<String, StageMedian> medians = new HashMap<>();
                    rows.forEach(r -> medians.put(key(r.text("owner_team"), r.text("stage")),
                            new StageMedian(r.number("samples"), r.real("median_days"))));
                    return medians;
                });
    }

    static String key(String team, String stage) {
        return team + "|" + stage;
    }

    /** What a deal gives its team's medians: only deals with a completed stay (two moves or more) give any. */
    private record Input(UUID opportunityId, String team, boolean live, long moves) {
    }

    private static Uni<Set<Input>> inputs(List<UUID> customers) {
        return Sql.rows("""
                SELECT o.opportunity_id, o.owner_team, %s AS live, s.moves
                FROM opportunity_fact o
                CROSS JOIN LATERAL (SELECT count(*) AS moves FROM stage_transition t
                                    WHERE t.opportunity_id = o.opportunity_id) s
                WHERE o.customer_id = ANY (CAST(?1 AS uuid[])) AND o.owner_team IS NOT NULL AND s.moves > 1"""
                .formatted(Archived.opportunityLive("o")), Sql.array(customers, UUID.class))
                .map(rows -> {
                    Set<Input> inputs = new HashSet<>();
                    rows.forEach(r -> inputs.add(new Input(r.uuid("opportunity_id"), r.text("owner_team"),
                            r.flag("live"), r.number("moves"))));
                    return inputs;
                });
    }

    private static Set<String> changedTeams(Set<Input> before, Set<Input> after) {
        Set<String> teams = new TreeSet<>();
        before.stream().filter(input -> !after.contains(input)).forEach(input -> teams.add(input.team()));
        after.stream().filter(input -> !before.contains(input)).forEach(input -> teams.add(input.team()));
        return teams;
    }

    /** In the teams' order, as {@link #refreshStale} takes them, so two transactions lock them in the same order. */
    private static Uni<Void> markStale(Set<String> teams) {
        if (teams.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Sql.update("""
                INSERT INTO stage_median_stale (owner_team)
                SELECT unnest(CAST(?1 AS text[])) ORDER BY 1
                ON CONFLICT DO NOTHING""", Sql.array(teams, String.class)).replaceWithVoid();
    }

    /**
     * Takes the stale marks of these teams and recomputes their medians. Another transaction taking the same mark
     * waits for this one and then finds none: it reads the medians this one wrote.
     */
    private static Uni<Void> refreshStale(List<String> teams) {
        return Sql.rows("""
                        DELETE FROM stage_median_stale WHERE owner_team = ANY (CAST(?1 AS text[]))
                        RETURNING owner_team""",
                        Sql.array(teams, String.class))
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Set<String> stale = new LinkedHashSet<>();
                    rows.forEach(r -> stale.add(r.text("owner_team")));
                    return recompute(List.copyOf(stale));
                });
    }

    /**
     * Median days the teams' live deals stayed in each stage they have left, with how many deals left it. A stay
     * runs from one move to the deal's next one, in the order of its versions.
     */
    private static Uni<Void> recompute(List<String> teams) {
        return Sql.update("DELETE FROM stage_median WHERE owner_team = ANY (CAST(?1 AS text[]))",
                Sql.array(teams, String.class)).chain(() -> Sql.update("""
                INSERT INTO stage_median (owner_team, stage, samples, median_days)
                WITH stays AS (
                    SELECT t.opportunity_id, t.to_stage AS stage, t.occurred_at AS entered_at,
                           LEAD(t.occurred_at) OVER (PARTITION BY t.opportunity_id ORDER BY t.aggregate_version) AS left_at
                    FROM stage_transition t
                    WHERE t.opportunity_id IN (SELECT opportunity_id FROM opportunity_fact
                                              WHERE owner_team = ANY (CAST(?1 AS text[]))))
                SELECT o.owner_team, s.stage, count(DISTINCT s.opportunity_id),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (s.left_at - s.entered_at)) / 86400.0)
                FROM stays s JOIN opportunity_fact o ON o.opportunity_id = s.opportunity_id
                WHERE s.left_at IS NOT NULL AND o.owner_team = ANY (CAST(?1 AS text[])) AND %s
                GROUP BY o.owner_team, s.stage""".formatted(Archived.opportunityLive("o")),
                Sql.array(teams, String.class))).replaceWithVoid();
    }
}
