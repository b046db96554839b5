package org.salescrm.analytics.organisation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Objects;
import org.salescrm.analytics.Sql;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.target.RegionChanged;
import org.salescrm.events.target.TeamChanged;

/**
 * analytics' copy of the organisation (regions, their heads, the teams in each and whom each team's
 * manager reports to), every version kept by the day it holds from. A version is written only by
 * an event newer than the one that wrote it, so a redelivered or late event changes nothing.
 */
@ApplicationScoped
public class OrganisationReplica {

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof RegionChanged e) {
            return Sql.update("""
                            INSERT INTO org_region_version (region, effective_from, head_id, aggregate_version)
                            VALUES (?1, ?2, ?3, ?4)
                            ON CONFLICT (region, effective_from) DO UPDATE SET
                                head_id = EXCLUDED.head_id, aggregate_version = EXCLUDED.aggregate_version
                            WHERE org_region_version.aggregate_version < EXCLUDED.aggregate_version""",
                    e.region(), e.effectiveFrom(), e.headId(), e.aggregateVersion()).replaceWithVoid();
        }
        if (event instanceof TeamChanged e) {
            return Sql.update("""
                            INSERT INTO org_team_version (team, effective_from, region, manager_id, reports_to,
                                                          aggregate_version)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                            ON CONFLICT (team, effective_from) DO UPDATE SET
                                region = EXCLUDED.region, manager_id = EXCLUDED.manager_id,
                                reports_to = EXCLUDED.reports_to, aggregate_version = EXCLUDED.aggregate_version
                            WHERE org_team_version.aggregate_version < EXCLUDED.aggregate_version""",
                    e.team(), e.effectiveFrom(), e.region(), e.managerId(), e.reportsTo(), e.aggregateVersion())
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * Whom the team's manager reports to on the day: the superior an admin named, else the head of the
     * team's region that day. Null when the organisation names nobody (the team or region is unknown,
     * the region has no head) or only the manager themselves (a head who also leads a team).
     */
    public Uni<String> managersSuperior(String team, LocalDate day) {
        if (team == null) {
            return Uni.createFrom().nullItem();
        }
        return Sql.rows("""
                        SELECT t.manager_id AS manager_id, coalesce(t.reports_to, r.head_id) AS superior
                        FROM org_team_version t
                        LEFT JOIN LATERAL (SELECT head_id FROM org_region_version
                                           WHERE region = t.region AND effective_from <= ?2
                                           ORDER BY effective_from DESC LIMIT 1) r ON TRUE
                        WHERE t.team = ?1 AND t.effective_from <= ?2
                        ORDER BY t.effective_from DESC LIMIT 1""", team, day)
                .map(rows -> rows.stream().findFirst()
                        .filter(row -> row.text("superior") != null
                                && !Objects.equals(row.text("superior"), row.text("manager_id")))
                        .map(row -> row.text("superior"))
                        .orElse(null));
    }
}
