package org.salescrm.customer.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One move through the funnel: the opening (no from-stage), a move forward or back, or the loss
 * (to-stage {@code LOST}). {@code occurredAt} is business time, which an import may set in the past.
 */
@Entity
@Table(name = "opportunity_stage_change")
public class OpportunityStageChange {

    public static final String LOST = "LOST";

    @Id
    public UUID id;

    public UUID opportunityId;

    public String fromStage;

    public String toStage;

    public Instant occurredAt;

    public String changedBy;

    public String reason;

    /** When it was written, to order two moves with one business time. */
    public Instant recordedAt;

    static OpportunityStageChange of(UUID opportunityId, String from, String to, Instant occurredAt, String by,
                                     String reason, Instant recordedAt) {
        OpportunityStageChange change = new OpportunityStageChange();
        change.id = UUID.randomUUID();
        change.opportunityId = opportunityId;
        change.fromStage = from;
        change.toStage = to;
        change.occurredAt = occurredAt;
        change.changedBy = by;
        change.reason = reason;
        change.recordedAt = recordedAt;
        return change;
    }
}
