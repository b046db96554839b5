package org.salescrm.platform.inbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;
import org.salescrm.events.DomainEvent;

/**
 * What a batch consumer does with its events, inside the batch's one transaction: {@link #apply} once with
 * every event of the batch seen for the first time, in the batch's order, so that a consumer can write them
 * with a handful of set-based statements and run once per batch what needs no more (such as re-evaluating
 * rules). When a batch fails and is retried record by record, it is called with one event at a time.
 */
@FunctionalInterface
public interface BatchEffect {

    Uni<Void> apply(List<DomainEvent> firstSeen);

    /**
     * An effect written one event at a time, applied to each in the batch's order. The batch still costs one
     * transaction and one statement for its marks rather than one of each per event.
     */
    static BatchEffect eachInTurn(Function<DomainEvent, Uni<Void>> effect) {
        return firstSeen -> Multi.createFrom().iterable(firstSeen)
                .onItem().transformToUniAndConcatenate(event -> effect.apply(event))
                .collect().last().replaceWithVoid();
    }
}
