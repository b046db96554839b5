package org.salescrm.goal.review;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReviewActionRepository implements PanacheRepositoryBase<ReviewAction, UUID> {

    public Uni<List<ReviewAction>> of(UUID reviewId) {
        return list("reviewId = ?1 order by position", reviewId);
    }
}
