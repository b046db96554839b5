package org.salescrm.analytics.archive;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.activity.RepActivity;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.CustomerDeleted;
import org.salescrm.events.customer.CustomerRestored;
import org.salescrm.events.customer.KeyPersonDeleted;
import org.salescrm.events.customer.KeyPersonRestored;
import org.salescrm.events.customer.OpportunityDeleted;
import org.salescrm.events.customer.OpportunityRestored;
import org.salescrm.platform.database.Row;

/**
 * Applies customer-service's soft deletes and restores to the facts, inside the batch's transaction: each
 * only when newer than the fact's version. The facts stay; an archived customer or opportunity is left out
 * of what is read ({@link Archived}) and its share of the rep counters is taken out, then put back exactly
 * when it is restored. Its alerts resolve when the batch's rules run ({@code AlertEngine}).
 */
@ApplicationScoped
public class ArchivedRecords {

    private final RepActivity activity;

    public ArchivedRecords(RepActivity activity) {
        this.activity = activity;
    }

    /** A round of the batch: deletions and restorations are rare, and written one by one. */
    public Uni<Void> apply(List<DomainEvent> round) {
        return Sql.each(round, this::apply);
    }

    private Uni<Void> apply(DomainEvent event) {
        if (event instanceof CustomerDeleted e) {
            return customer(e, e.name(), null, true);
        }
        if (event instanceof CustomerRestored e) {
            return customer(e, e.name(), e.grade(), false);
        }
        if (event instanceof OpportunityDeleted e) {
            return opportunity(e, e.customerId(), e.stage(), e.status(), true);
        }
        if (event instanceof OpportunityRestored e) {
            return opportunity(e, e.customerId(), e.stage(), e.status(), false);
        }
        if (event instanceof KeyPersonDeleted e) {
            return keyPerson(e, e.customerId(), e.kpType(), null, true);
        }
        if (event instanceof KeyPersonRestored e) {
            return keyPerson(e, e.customerId(), e.kpType(), e.active(), false);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> customer(DomainEvent e, String name, String grade, boolean archived) {
        return Sql.rows("SELECT archived, aggregate_version FROM customer_fact WHERE customer_id = ?1 FOR UPDATE",
                e.aggregateId()).chain(rows -> {
                    if (rows.isEmpty()) {
                        // nothing of it was counted here: remember it, so that older events stay behind
                        return Sql.update("""
                                        INSERT INTO customer_fact (customer_id, name, grade, owner_id, owner_team,
                                                                   created_at, aggregate_version, archived)
                                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING""",
                                e.aggregateId(), name == null ? "" : name, grade == null ? "C" : grade, e.ownerId(),
                                e.ownerTeam(), Sql.at(e.occurredAt()), e.aggregateVersion(), archived)
                                .replaceWithVoid();
                    }
                    if (rows.get(0).number("aggregate_version") >= e.aggregateVersion()) {
                        return Uni.createFrom().voidItem();
                    }
                    boolean was = rows.get(0).flag("archived");
                    return Sql.update("""
                                    UPDATE customer_fact SET archived = ?2, aggregate_version = ?3, owner_id = ?4,
                                        owner_team = ?5, name = COALESCE(?6, name), grade = COALESCE(?7, grade)
                                    WHERE customer_id = ?1""",
                                    e.aggregateId(), archived, e.aggregateVersion(), e.ownerId(), e.ownerTeam(), name,
                                    grade)
                            .chain(() -> was == archived ? Uni.createFrom().voidItem()
                                    : activity.countCustomer(e.aggregateId(), !archived));
                });
    }

    /** An opportunity's own flag; while its customer is archived its share is out already and stays out. */
    private Uni<Void> opportunity(DomainEvent e, UUID customerId, String stage, String status, boolean archived) {
        return Sql.rows("""
                        SELECT o.archived, o.aggregate_version,
                               EXISTS (SELECT 1 FROM customer_fact c WHERE c.customer_id = o.customer_id AND c.archived)
                                   AS customer_archived
                        FROM opportunity_fact o WHERE o.opportunity_id = ?1 FOR UPDATE""", e.aggregateId())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return insertOpportunity(e, customerId, stage, status, archived);
                    }
                    Row held = rows.get(0);
                    if (held.number("aggregate_version") >= e.aggregateVersion()) {
                        return Uni.createFrom().voidItem();
                    }
                    boolean was = held.flag("archived");
                    boolean customerArchived = held.flag("customer_archived");
                    return Sql.update("""
                                    UPDATE opportunity_fact SET archived = ?2, aggregate_version = ?3, owner_id = ?4,
                                        owner_team = ?5
                                    WHERE opportunity_id = ?1""",
                                    e.aggregateId(), archived, e.aggregateVersion(), e.ownerId(), e.ownerTeam())
                            .chain(() -> was == archived || customerArchived ? Uni.createFrom().voidItem()
                                    : activity.countOpportunity(e.aggregateId(), !archived));
                });
    }

    private static Uni<Void> insertOpportunity(DomainEvent e, UUID customerId, String stage, String status,
                                               boolean archived) {
        Instant at = e.occurredAt();
        return Sql.update("""
                        INSERT INTO opportunity_fact (opportunity_id, customer_id, stage, status, stage_entered_at,
                            last_activity_at, owner_id, owner_team, opened_at, aggregate_version, archived)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?5, ?8, ?9) ON CONFLICT DO NOTHING""",
                e.aggregateId(), customerId, stage == null ? "TARGET" : stage, status == null ? "OPEN" : status,
                Sql.at(at), e.ownerId(), e.ownerTeam(), e.aggregateVersion(), archived).replaceWithVoid();
    }

    /** A deleted key person counts as no one (not an active decision maker); {@code active} null keeps it. */
    private static Uni<Void> keyPerson(DomainEvent e, UUID customerId, String kpType, Boolean active,
                                       boolean archived) {
        return Sql.update("""
                        INSERT INTO key_person_fact (key_person_id, customer_id, kp_type, active, aggregate_version,
                                                     archived)
                        VALUES (?1, ?2, ?3, COALESCE(CAST(?4 AS BOOLEAN), TRUE), ?5, ?6)
                        ON CONFLICT (key_person_id) DO UPDATE SET
                            kp_type = COALESCE(EXCLUDED.kp_type, key_person_fact.kp_type),
                            active = COALESCE(CAST(?4 AS BOOLEAN), key_person_fact.active),
                            archived = EXCLUDED.archived, aggregate_version = EXCLUDED.aggregate_version
                        WHERE key_person_fact.aggregate_version < EXCLUDED.aggregate_version""",
                e.aggregateId(), customerId, kpType, active, e.aggregateVersion(), archived).replaceWithVoid();
    }
}
