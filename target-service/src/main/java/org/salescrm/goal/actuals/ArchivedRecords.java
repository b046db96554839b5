package org.salescrm.goal.actuals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.CustomerDeleted;
import org.salescrm.events.customer.CustomerRestored;
import org.salescrm.events.customer.OpportunityDeleted;
import org.salescrm.events.customer.OpportunityRestored;

/**
 * Which customers and opportunities are deleted (soft) in customer-service. Their facts and deals stay
 * stored and are left out where they are read (progress, forecast, evaluations, leaderboard, reviews), so
 * a restore counts them again exactly as they were, and an event arriving meanwhile is kept, not lost.
 * Runs inside the inbox's transaction; a delete or restore applies only when newer than what is held.
 */
@ApplicationScoped
public class ArchivedRecords {

    private static final String UPSERT = """
            INSERT INTO archived_record (record_id, archived, aggregate_version) VALUES (?1, ?2, ?3)
            ON CONFLICT (record_id) DO UPDATE SET archived = EXCLUDED.archived,
                aggregate_version = EXCLUDED.aggregate_version
            WHERE archived_record.aggregate_version < EXCLUDED.aggregate_version""";

    /** SQL: a row of actual_fact ({@code table} its name or alias) whose source, customer or deal is archived. */
    public static String archivedFact(String table) {
        return "EXISTS (SELECT 1 FROM archived_record x WHERE x.archived AND x.record_id IN (" + table
                + ".source_id, " + table + ".customer_id, " + table + ".opportunity_id))";
    }

    /** SQL: a row of opportunity_replica ({@code alias}) that is archived itself or through its customer. */
    static String archivedDeal(String alias) {
        return "EXISTS (SELECT 1 FROM archived_record x WHERE x.archived AND x.record_id IN (" + alias
                + ".opportunity_id, " + alias + ".customer_id))";
    }

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof CustomerDeleted || event instanceof OpportunityDeleted) {
            return archived(event, true);
        }
        if (event instanceof CustomerRestored || event instanceof OpportunityRestored) {
            return archived(event, false);
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> archived(DomainEvent event, boolean archived) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, event.aggregateId())
                        .setParameter(2, archived)
                        .setParameter(3, event.aggregateVersion())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
