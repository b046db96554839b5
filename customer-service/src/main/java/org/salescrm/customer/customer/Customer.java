package org.salescrm.customer.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A company the team sells to: the team's asset, owned by one rep or sitting in the public pool. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;

    public String name;

    /** The name as duplicates are detected: see {@link CustomerNames#normalize(String)}. */
    @Column(name = "normalized_name")
    public String normalizedName;

    public String industry;
    public String region;
    public String scale;
    public String source;
    public String phone;

    @Column(name = "credit_code")
    public String creditCode;

    public String address;
    public String grade;

    /** Null while the customer sits in the public pool. */
    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_team")
    public String ownerTeam;

    /** The last qualifying contact (a visit's business time), fed by crm.visits; never moves back. */
    @Column(name = "last_contact_at")
    public Instant lastContactAt;

    /** When the current owner got the customer (created, claimed, transferred); unchanged while in the pool. */
    @Column(name = "owner_since")
    public Instant ownerSince;

    /** The start of the silence a reclaim warning went out for, so one silence is warned of once. */
    @Column(name = "reclaim_warned_for")
    public Instant reclaimWarnedFor;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    public Long version;

    public boolean inPool() {
        return ownerId == null;
    }

    /** Where the current silence started: the last contact, or the owner's arrival if that is later. */
    public Instant silenceSince() {
        return lastContactAt == null || lastContactAt.isBefore(ownerSince) ? ownerSince : lastContactAt;
    }
}
