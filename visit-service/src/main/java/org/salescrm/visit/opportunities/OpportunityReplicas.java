package org.salescrm.visit.opportunities;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.OpportunityDeleted;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityRestored;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.customer.OpportunityUpdated;
import org.salescrm.events.customer.OpportunityWon;

/**
 * Keeps which customer each opportunity belongs to and whether it is still open, so a visit can be
 * linked only to an open opportunity of its own customer. Runs inside the inbox's transaction.
 */
@ApplicationScoped
public class OpportunityReplicas {

    static final String OPEN = "OPEN";
    private static final String WON = "WON";
    private static final String LOST = "LOST";

    /**
     * Version-gated like the customer replica. An edit (status null) keeps the status held, and every
     * event but a delete or restore (archived null) whether it is archived.
     * OpportunityWon repeats its stage change's version, which already closed it as WON.
     */
    private static final String UPSERT = """
            INSERT INTO opportunity_replica (opportunity_id, customer_id, status, aggregate_version, archived)
            VALUES (?1, ?2, COALESCE(CAST(?3 AS TEXT), 'OPEN'), ?4, COALESCE(CAST(?5 AS BOOLEAN), FALSE))
            ON CONFLICT (opportunity_id) DO UPDATE SET
                customer_id = EXCLUDED.customer_id,
                status = COALESCE(CAST(?3 AS TEXT), opportunity_replica.status),
                aggregate_version = EXCLUDED.aggregate_version,
                archived = COALESCE(CAST(?5 AS BOOLEAN), opportunity_replica.archived)
            WHERE opportunity_replica.aggregate_version < EXCLUDED.aggregate_version""";

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof OpportunityOpened e) {
            return upsert(e, e.customerId(), OPEN, null);
        }
        if (event instanceof OpportunityStageChanged e) {
            // a move back out of WON reopens it
            return upsert(e, e.customerId(), WON.equals(e.toStage()) ? WON : OPEN, null);
        }
        if (event instanceof OpportunityWon e) {
            return upsert(e, e.customerId(), WON, null);
        }
        if (event instanceof OpportunityLost e) {
            return upsert(e, e.customerId(), LOST, null);
        }
        if (event instanceof OpportunityUpdated e) {
            return upsert(e, e.customerId(), null, null);
        }
        if (event instanceof OpportunityDeleted e) {
            return upsert(e, e.customerId(), e.status(), Boolean.TRUE);
        }
        if (event instanceof OpportunityRestored e) {
            return upsert(e, e.customerId(), e.status(), Boolean.FALSE);
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> upsert(DomainEvent event, UUID customerId, String status, Boolean archived) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, event.aggregateId())
                        .setParameter(2, customerId)
                        .setParameter(3, status)
                        .setParameter(4, event.aggregateVersion())
                        .setParameter(5, archived)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
