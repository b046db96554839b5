package org.salescrm.goal.organisation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<TeamVersion, UUID> {

    /** Every team's version in force on the day: per team, the latest that started on or before it. */
    Uni<List<TeamVersion>> asOf(LocalDate day) {
        return list("""
                from TeamVersion v where v.effectiveFrom = (select max(o.effectiveFrom) from TeamVersion o
                                                     where o.team = v.team and o.effectiveFrom <= ?1)
                order by v.team""", day);
    }

    Uni<TeamVersion> exactly(String team, LocalDate effectiveFrom) {
        return find("team = ?1 and effectiveFrom = ?2", team, effectiveFrom).firstResult();
    }

    Uni<Long> lastVersion(String team) {
        return find("select coalesce(max(version), 0) from TeamVersion where team = ?1", team)
                .project(Long.class).singleResult();
    }
}
