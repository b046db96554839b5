package org.salescrm.analytics.alerts;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.state.DerivedState;
import org.salescrm.analytics.state.Rounds;
import org.salescrm.events.DomainEvent;
import org.salescrm.platform.database.AdvisoryLocks;
import org.salescrm.platform.inbox.BatchEffect;

/**
 * Runs the rules for every customer a batch touched, inside the batch's transaction, so an alert an
 * event causes is committed (and its event queued) together with the facts that caused it.
 */
@ApplicationScoped
public class AlertTriggers {

    private final DerivedState derived;
    private final AlertEngine engine;

    public AlertTriggers(DerivedState derived, AlertEngine engine) {
        this.derived = derived;
        this.engine = engine;
    }

    /**
     * Writes the facts of a batch round by round ({@link Rounds}: a handful of set-based statements for the
     * whole batch, not several per event), then runs the rules once for every customer it touched.
     */
    public BatchEffect after(Function<List<DomainEvent>, Uni<Void>> facts) {
        return events -> oneBatchAtATime()
                .chain(() -> Sql.each(Rounds.byCustomer(events), facts))
                .chain(() -> settle(events));
    }

    /**
     * Batches of different topics run in parallel transactions, and each recomputes what depends on the
     * other's facts (a visit consumed while its opportunity's first events are in flight): without
     * order, neither sees the other's uncommitted rows and the deal stays IDLE until the next scan.
     * An advisory lock taken before the first fact is written (re-entrant, held to the commit) orders
     * them; taken that early, no batch holds a fact row another batch waits for while waiting for it.
     */
    private static Uni<Void> oneBatchAtATime() {
        return AdvisoryLocks.holdUntilCommit("analytics-service.facts");
    }

    /** Every event on these topics is keyed by its customer, so the partition key names who to re-check. */
    Uni<Void> settle(List<DomainEvent> applied) {
        Set<UUID> customers = new LinkedHashSet<>();
        applied.forEach(event -> customers.add(event.partitionKey()));
        return derived.refresh(customers).chain(() -> engine.evaluate(customers));
    }
}
