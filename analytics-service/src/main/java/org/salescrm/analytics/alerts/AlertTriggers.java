package org.salescrm.analytics.alerts;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.activity.RepActivity;
import org.salescrm.analytics.state.DerivedState;
import org.salescrm.analytics.state.Rounds;
import org.salescrm.events.DomainEvent;
import org.salescrm.platform.inbox.BatchEffect;

/**
 * Runs the rules for every customer a batch touched, inside the batch's transaction, so an alert an
 * event causes is committed (and its event queued) together with the facts that caused it.
 * <p>
 * No lock orders the batches: the rules read a customer's facts from all four topics, and all of one customer's
 * events come to one consumer, one batch at a time ({@code FactEventsConsumer}), so no other batch holds
 * uncommitted facts of the customers this one settles. Batches of other customers, on other instances, run
 * alongside it.
 */
@ApplicationScoped
public class AlertTriggers {

    private final DerivedState derived;
    private final AlertEngine engine;
    private final StageMedians medians;
    private final RepActivity activity;

    public AlertTriggers(DerivedState derived, AlertEngine engine, StageMedians medians, RepActivity activity) {
        this.derived = derived;
        this.engine = engine;
        this.medians = medians;
        this.activity = activity;
    }

    /**
     * Writes the facts of a batch round by round ({@link Rounds}: a handful of set-based statements for the
     * whole batch, not several per event), marking the teams whose stage medians it moved, then runs the rules once
     * for every customer it touched; the reps' daily counters, shared with other consumers' batches, last.
     */
    public BatchEffect after(Function<List<DomainEvent>, Uni<Void>> facts) {
        return events -> medians.tracking(events, () -> Sql.each(Rounds.byCustomer(events), facts))
                .chain(() -> settle(events)).chain(activity::writeCounters);
    }

    /**
     * Every event on these topics is keyed by its customer, so the partition key names who to re-check. A customer
     * whose events here are all visits and follow-ups can have had only its deals' last activity moved; one whose
     * events are all visits and whose latest visit stayed the same, not even that.
     */
    Uni<Void> settle(List<DomainEvent> applied) {
        Set<UUID> customers = new LinkedHashSet<>();
        Set<UUID> dealsTouched = new HashSet<>();
        Set<UUID> notVisitsAlone = new HashSet<>();
        applied.forEach(event -> {
            customers.add(event.partitionKey());
            if (DealMoves.canMoveDeals(event)) {
                dealsTouched.add(event.partitionKey());
            }
            if (!DealMoves.isVisit(event)) {
                notVisitsAlone.add(event.partitionKey());
            }
        });
        Set<UUID> activityOnly = new HashSet<>(customers);
        activityOnly.removeAll(dealsTouched);
        return derived.refresh(customers).chain(latestVisitHeld -> {
            Set<UUID> dealsHeld = new HashSet<>(latestVisitHeld);
            dealsHeld.removeAll(notVisitsAlone);
            return engine.evaluate(customers, activityOnly, dealsHeld);
        });
    }

}
