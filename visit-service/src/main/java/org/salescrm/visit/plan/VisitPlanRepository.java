package org.salescrm.visit.plan;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

@ApplicationScoped
public class VisitPlanRepository implements PanacheRepositoryBase<VisitPlan, UUID> {

    public Uni<VisitPlan> findOwn(String ownerId, LocalDate day) {
        return find("ownerId = ?1 and day = ?2", ownerId, day).firstResult();
    }

    /** A plan within the caller's reach: their own, their teams' for a manager, any for an admin. */
    public Uni<VisitPlan> findVisible(String ownerId, LocalDate day, Caller caller) {
        Visibility visibility = Visibility.of(caller);
        var params = visibility.with("ownerIdParam", ownerId);
        params.put("day", day);
        return find(visibility.where("ownerId = :ownerIdParam and day = :day"), params).firstResult();
    }
}
