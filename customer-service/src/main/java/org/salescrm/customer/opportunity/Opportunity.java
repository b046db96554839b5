package org.salescrm.customer.opportunity;

import jakarta.persistence.Column;
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

    @Column(name = "customer_id")
    public UUID customerId;

    public String name;
    public BigDecimal amount;
    public String currency;

    @Column(name = "product_line")
    public String productLine;

    @Column(name = "expected_close_date")
    public LocalDate expectedCloseDate;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Enumerated(EnumType.STRING)
    public OpportunityStatus status;

    /** In percent. */
    public int probability;

    /** Business time the opportunity entered its current stage. */
    @Column(name = "stage_entered_at")
    public Instant stageEnteredAt;

    public BigDecimal budget;

    @Column(name = "quote_amount")
    public BigDecimal quoteAmount;

    @Column(name = "contract_signed_on")
    public LocalDate contractSignedOn;

    @Column(name = "first_payment_on")
    public LocalDate firstPaymentOn;

    @Column(name = "lost_reason")
    public String lostReason;

    /** Business time it was won or lost. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_team")
    public String ownerTeam;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public Long version;

    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }
}
