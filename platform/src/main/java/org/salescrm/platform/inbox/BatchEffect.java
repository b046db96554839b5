package org.salescrm.platform.inbox;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.salescrm.events.DomainEvent;

/**
 * What a batch consumer does with its events, inside the batch's one transaction: {@link #apply}
 * for each event seen for the first time, then {@link #afterBatch} once with the events applied, for
 * work that should run once per batch rather than once per event (such as re-evaluating rules).
 */
public interface BatchEffect {

    Uni<Void> apply(DomainEvent event);

    default Uni<Void> afterBatch(List<DomainEvent> applied) {
        return Uni.createFrom().voidItem();
    }
}
