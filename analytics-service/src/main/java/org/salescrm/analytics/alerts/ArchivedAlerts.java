package org.salescrm.analytics.alerts;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.analytics.Sql;

/**
 * Resolves, as {@code SUBJECT_ARCHIVED}, the open alerts of archived records: every alert of an archived
 * customer, and those whose subject is an archived opportunity or an instalment of one. Runs before the
 * rules, which then leave archived records out, so none is raised again until a restore.
 */
@ApplicationScoped
class ArchivedAlerts {

    private final AlertLifecycle lifecycle;

    ArchivedAlerts(AlertLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    Uni<Void> resolve(List<UUID> customerIds, Instant now) {
        return Sql.rows("""
                SELECT a.id FROM alert a
                WHERE a.customer_id = ANY (CAST(?1 AS uuid[])) AND a.status <> 'RESOLVED' AND (
                    EXISTS (SELECT 1 FROM customer_fact c WHERE c.customer_id = a.customer_id AND c.archived)
                    OR EXISTS (SELECT 1 FROM opportunity_fact o WHERE o.opportunity_id = a.subject_id AND o.archived)
                    OR EXISTS (SELECT 1 FROM receivable_instalment r JOIN opportunity_fact o
                                   ON o.opportunity_id = r.opportunity_id
                               WHERE r.instalment_id = a.subject_id AND o.archived))""",
                        Sql.array(customerIds, UUID.class))
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem()
                        : Alert.<Alert>find("id in ?1", rows.stream().map(r -> r.uuid("id")).toList())
                                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                                .chain(alerts -> Multi.createFrom().iterable(alerts)
                                        .onItem().transformToUniAndConcatenate(a -> lifecycle.resolveArchived(a, now))
                                        .collect().last().replaceWithVoid()));
    }
}
