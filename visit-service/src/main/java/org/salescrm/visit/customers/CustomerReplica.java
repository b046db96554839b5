package org.salescrm.visit.customers;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Who owns a customer, as the last applied crm.customers event said; written only by {@link CustomerReplicas}. */
@Entity
@Table(name = "customer_replica")
public class CustomerReplica {

    @Id
    public UUID customerId;

    public String name;
    public String grade;

    /** Null while the customer sits in the public pool. */
    public String ownerId;

    public String ownerTeam;

    public long aggregateVersion;

    /** Deleted (soft) in customer-service: answers here exactly as a customer never seen. */
    public boolean archived;
}
