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

    @Column(name = "last_contact_at")
    public Instant lastContactAt;

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
}
