package org.salescrm.visit.opportunities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An opportunity's customer and status, as the last applied crm.opportunities event said; written only by {@link OpportunityReplicas}. */
@Entity
@Table(name = "opportunity_replica")
public class OpportunityReplica {

    @Id
    public UUID opportunityId;

    public UUID customerId;

    /** OPEN, WON or LOST. */
    public String status;

    public long aggregateVersion;

    /** Deleted (soft) in customer-service: not open to new visits, until restored. */
    public boolean archived;

    public boolean isOpen() {
        return OpportunityReplicas.OPEN.equals(status);
    }
}
