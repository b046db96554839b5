package org.salescrm.goal.goal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.goal.actuals.Metric;
import org.salescrm.platform.database.AuditedEntity;

/**
 * A target for a period on a metric at one level of the organisation. The owner is the assignee
 * for a rep's goal; the owner team is the team a goal belongs to (none for company, region and
 * company-wide product goals).
 */
@Entity
@Table(name = "goal")
public class Goal extends AuditedEntity {

    @Id
    public UUID id;

    public String period;

    @Enumerated(EnumType.STRING)
    public Metric metric;

    @Enumerated(EnumType.STRING)
    public ScopeLevel scopeLevel;

    public String scopeId;

    public BigDecimal target;

    public UUID parentId;

    public String ownerId;

    public String ownerTeam;

    public Instant acknowledgedAt;

    public String acknowledgedBy;

    public String createdBy;
}
