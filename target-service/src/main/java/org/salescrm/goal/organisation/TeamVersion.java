package org.salescrm.goal.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A team as it holds from {@code effectiveFrom} until the team's next version: its region, manager and their superior. */
@Entity
@Table(name = "org_team")
public class TeamVersion {

    @Id
    public UUID id;

    public String team;

    public LocalDate effectiveFrom;

    public String region;

    public String managerId;

    /** Whom the manager reports to when an admin named someone; null: the region's head. */
    public String reportsTo;

    /** The team's change count when this version was last written. */
    public long version;

    public String changedBy;

    public Instant createdAt;

    public Instant updatedAt;
}
