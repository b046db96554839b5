package org.salescrm.customer.playbook;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.salescrm.customer.opportunity.Stage;

@ApplicationScoped
public class PlaybookItemRepository implements PanacheRepositoryBase<PlaybookItem, String> {

    /** Every stage's items, in funnel order and each stage's own order. */
    public Uni<List<PlaybookItem>> all() {
        return listAll().map(items -> items.stream()
                .sorted(java.util.Comparator.comparing((PlaybookItem i) -> i.stage).thenComparingInt(i -> i.position))
                .toList());
    }

    public Uni<List<PlaybookItem>> ofOtherStages(Stage stage) {
        return list("stage <> ?1", stage);
    }

    public Uni<Long> deleteStage(Stage stage) {
        return delete("stage = ?1", stage);
    }
}
