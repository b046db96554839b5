package org.salescrm.customer.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of one customer: who, when, what. Never updated, never deleted. */
@Entity
@Table(name = "customer_history")
public class CustomerHistoryEntry {

    @Id
    public UUID id;

    /** Written by the database: the order entries were recorded in, also among those of one instant. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public UUID customerId;

    public Instant at;

    public String by;

    @Enumerated(EnumType.STRING)
    public CustomerChange change;

    /** Owner before an owner change; kept in a column so the claim cooldown can look it up. */
    public String fromOwnerId;

    public String toOwnerId;

    /** JSON: for UPDATED {field, from, to}; for owner changes {fromOwnerId, fromTeam, toOwnerId, toTeam, reason}. */
    public String details;
}
