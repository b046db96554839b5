package org.salescrm.analytics.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer as the last applied event left it. */
@Entity
@Table(name = "customer_fact")
public class CustomerFact {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    public String name;
    public String grade;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_team")
    public String ownerTeam;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Events at or below this version are stale and change nothing. */
    @Column(name = "aggregate_version")
    public long aggregateVersion;
}
