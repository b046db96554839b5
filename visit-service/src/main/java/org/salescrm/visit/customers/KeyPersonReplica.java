package org.salescrm.visit.customers;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A key person of a customer, as the last applied crm.customers event said; written only by {@link KeyPersonReplicas}. */
@Entity
@Table(name = "key_person_replica")
public class KeyPersonReplica {

    @Id
    public UUID keyPersonId;

    public UUID customerId;

    public String name;

    /** False once the person left the customer. */
    public boolean active;

    public long aggregateVersion;

    /** Deleted (soft) in customer-service: no longer a key person a visit may name, until restored. */
    public boolean archived;
}
