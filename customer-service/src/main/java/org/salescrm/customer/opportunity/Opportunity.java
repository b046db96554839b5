package org.salescrm.customer.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.salescrm.platform.database.AuditedEntity;

/** A sales chance at a customer, moving through the funnel; owned by the customer's owner. */
@Entity
@Table(name = "opportunity")
public class Opportunity extends AuditedEntity {

    @Id
    public UUID id;

    public UUID customerId;

    public String name;
    public BigDecimal amount;
    public String currency;

    public String productLine;

    public LocalDate expectedCloseDate;

    public LocalDate openedOn;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Enumerated(EnumType.STRING)
    public OpportunityStatus status;

    /** In percent. */
    public int probability;

    /** Business time the opportunity entered its current stage. */
    public Instant stageEnteredAt;

    public BigDecimal budget;

    public BigDecimal quoteAmount;

    public LocalDate contractSignedOn;

    public LocalDate firstPaymentOn;

    public String lostReason;

    /** The competitor the deal was lost to, as the rep named it; null when not known. */
    public String lostTo;

    /** Business time it was won or lost. */
    public Instant closedAt;

    public String ownerId;

    public String ownerTeam;

    public String createdBy;

    /** Set while soft-deleted: the opportunity then answers as a missing one. */
    public Instant deletedAt;

    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }
}
