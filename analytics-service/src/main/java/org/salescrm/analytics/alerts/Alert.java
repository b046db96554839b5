package org.salescrm.analytics.alerts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One alert about one subject (an opportunity or a customer). At most one per type and subject is
 * not RESOLVED (a partial unique index); its reasons are replaced whenever the rules see new ones.
 */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Goes up by one with every transition; the alert events carry it as their aggregate version. */
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(name = "type")
    public AlertType alertType;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_team")
    public String ownerTeam;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    /** The current reasons as a JSON array of {code, message, value, threshold}. */
    public String reasons;

    public Integer score;

    @Enumerated(EnumType.STRING)
    public AlertStatus status;

    /** Left unacknowledged too long: raised to admin with severity HIGH. */
    public boolean escalated;

    @Column(name = "raised_at")
    public Instant raisedAt;

    /** Since when it has been OPEN without anyone acknowledging it; escalation counts from here. */
    @Column(name = "open_since")
    public Instant openSince;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public String resolution;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    public String note;

    @Column(name = "snoozed_until")
    public Instant snoozedUntil;

    @Column(name = "snooze_reason")
    public String snoozeReason;

    @Column(name = "snoozed_by")
    public String snoozedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
