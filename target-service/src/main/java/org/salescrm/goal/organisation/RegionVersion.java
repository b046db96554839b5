package org.salescrm.goal.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A region as it holds from {@code effectiveFrom} until the region's next version. */
@Entity
@Table(name = "org_region")
public class RegionVersion {

    @Id
    public UUID id;

    public String region;

    public LocalDate effectiveFrom;

    public String name;

    public String headId;

    /** The region's change count when this version was last written. */
    public long version;

    public String changedBy;

    public Instant createdAt;

    public Instant updatedAt;
}
