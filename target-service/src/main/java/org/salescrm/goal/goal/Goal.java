package org.salescrm.goal.goal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.goal.actuals.Metric;

/**
 * A target for a period on a metric at one level of the organisation. The owner is the assignee
 * for a rep's goal; the owner team is the team a goal belongs to (none for company, region and
 * company-wide product goals).
 */
@Entity
@Table(name = "goal")
public class Goal {

    @Id
    public UUID id;

    public String period;

    @Enumerated(EnumType.STRING)
    public Metric metric;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope_level")
    public ScopeLevel scopeLevel;

    @Column(name = "scope_id")
    public String scopeId;

    public BigDecimal target;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_team")
    public String ownerTeam;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public Long version;
}
