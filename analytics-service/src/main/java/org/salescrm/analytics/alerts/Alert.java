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

    public UUID subjectId;

    public UUID customerId;

    public String ownerId;

    public String ownerTeam;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    /** The current reasons as a JSON array of {code, message, value, threshold}. */
    public String reasons;

    public Integer score;

    @Enumerated(EnumType.STRING)
    public AlertStatus status;

    /** Left unacknowledged too long: raised to the owner's manager's manager (or the admins) with severity HIGH. */
    public boolean escalated;

    /** Whom it was escalated to, fixed when it escalated; null: the admins. */
    public String escalatedTo;

    public Instant raisedAt;

    /** Since when it has been OPEN without anyone acknowledging it; escalation counts from here. */
    public Instant openSince;

    public Instant resolvedAt;

    public String resolution;

    public Instant acknowledgedAt;

    public String acknowledgedBy;

    public String note;

    public Instant snoozedUntil;

    public String snoozeReason;

    public String snoozedBy;

    public Instant createdAt;

    public Instant updatedAt;
}
