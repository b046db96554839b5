package org.salescrm.customer.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.platform.database.AuditedEntity;

/** A company the team sells to: the team's asset, owned by one rep or sitting in the public pool. */
@Entity
@Table(name = "customer")
public class Customer extends AuditedEntity {

    @Id
    public UUID id;

    public String name;

    /** The name as duplicates are detected: see {@link CustomerNames#normalize(String)}. */
    public String normalizedName;

    public String industry;
    public String region;
    public String scale;
    public String source;
    public String phone;

    public String creditCode;

    public String address;
    public String grade;

    /** Null while the customer sits in the public pool. */
    public String ownerId;

    public String ownerTeam;

    /** The last qualifying contact (a visit's business time), fed by crm.visits; never moves back. */
    public Instant lastContactAt;

    /** When the current owner got the customer (created, claimed, transferred); unchanged while in the pool. */
    public Instant ownerSince;

    /** The start of the silence a reclaim warning went out for, so one silence is warned of once. */
    public Instant reclaimWarnedFor;

    public String createdBy;

    public Instant deletedAt;

    public boolean inPool() {
        return ownerId == null;
    }

    /** Where the current silence started: the last contact, or the owner's arrival if that is later. */
    public Instant silenceSince() {
        return lastContactAt == null || lastContactAt.isBefore(ownerSince) ? ownerSince : lastContactAt;
    }
}
