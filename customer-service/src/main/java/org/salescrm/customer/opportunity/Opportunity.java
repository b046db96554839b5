package org.salescrm.customer.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A sales chance at a customer, moving through the funnel; owned by the customer's owner. */
@Entity
@Table(name = "opportunity")
public class Opportunity {

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

    public Instant createdAt;

    public Instant updatedAt;

    /** Set while soft-deleted: the opportunity then answers as a missing one. */
    public Instant deletedAt;

    @Version
    public Long version;

    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }
}
