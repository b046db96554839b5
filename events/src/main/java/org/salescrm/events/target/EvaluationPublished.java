package org.salescrm.events.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/** A rep's evaluation for a period was computed; aggregateId is the evaluation, rates are ratios (1.1 = 110%). */
public record EvaluationPublished(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        String repId,
        String period,
        BigDecimal targetRevenue,
        BigDecimal actualRevenue,
        BigDecimal achievementRate,
        int newCustomers,
        BigDecimal retentionRate,
        BigDecimal score,
        String grade) implements DomainEvent {

    public static final String TYPE = "crm.evaluation.published.v1";

    @Override
    public UUID partitionKey() {
        return aggregateId;
    }
}
