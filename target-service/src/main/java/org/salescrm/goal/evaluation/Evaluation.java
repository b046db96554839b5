package org.salescrm.goal.evaluation;

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

/** A rep's evaluation for a period: the figures of the last run, and the two-way review. */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    @Id
    public UUID id;

    @Column(name = "rep_id")
    public String repId;

    public String period;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_team")
    public String ownerTeam;

    @Column(name = "target_revenue")
    public BigDecimal targetRevenue;

    @Column(name = "actual_revenue")
    public BigDecimal actualRevenue;

    @Column(name = "achievement_rate")
    public BigDecimal achievementRate;

    @Column(name = "new_customers")
    public int newCustomers;

    @Column(name = "retention_rate")
    public BigDecimal retentionRate;

    public BigDecimal score;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    @Column(name = "improvement_plan")
    public String improvementPlan;

    @Column(name = "manager_comment")
    public String managerComment;

    @Column(name = "rep_feedback")
    public String repFeedback;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public Long version;
}
