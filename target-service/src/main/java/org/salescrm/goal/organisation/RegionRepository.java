package org.salescrm.goal.organisation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<RegionVersion, UUID> {

    /** Every region's version in force on the day: per region, the latest that started on or before it. */
    Uni<List<RegionVersion>> asOf(LocalDate day) {
        return list("""
                from RegionVersion v where v.effectiveFrom = (select max(o.effectiveFrom) from RegionVersion o
                                                     where o.region = v.region and o.effectiveFrom <= ?1)
                order by v.region""", day);
    }

    Uni<RegionVersion> asOf(String region, LocalDate day) {
        return find("region = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc", region, day).firstResult();
    }

    Uni<RegionVersion> exactly(String region, LocalDate effectiveFrom) {
        return find("region = ?1 and effectiveFrom = ?2", region, effectiveFrom).firstResult();
    }

    /** The region's change count so far (0 for a new region). */
    Uni<Long> lastVersion(String region) {
        return find("select coalesce(max(version), 0) from RegionVersion where region = ?1", region)
                .project(Long.class).singleResult();
    }
}
