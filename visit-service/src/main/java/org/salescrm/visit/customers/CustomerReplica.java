package org.salescrm.visit.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Who owns a customer, as the last applied crm.customers event said; written only by {@link CustomerReplicas}. */
@Entity
@Table(name = "customer_replica")
public class CustomerReplica {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    public String name;
    public String grade;

    /** Null while the customer sits in the public pool. */
    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_team")
    public String ownerTeam;

    @Column(name = "aggregate_version")
    public long aggregateVersion;
}
