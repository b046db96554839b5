package org.salescrm.goal.evaluation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.platform.database.AuditedEntity;

/** A rep's evaluation for a period: the figures of the last run, and the two-way review. */
@Entity
@Table(name = "evaluation")
public class Evaluation extends AuditedEntity {

    @Id
    public UUID id;

    public String repId;

    public String period;

    public String ownerId;

    public String ownerTeam;

    public BigDecimal targetRevenue;

    public BigDecimal actualRevenue;

    public BigDecimal achievementRate;

    public int newCustomers;

    public BigDecimal retentionRate;

    public BigDecimal score;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    public String improvementPlan;

    public String managerComment;

    public String repFeedback;

    public Instant evaluatedAt;
}
