package org.salescrm.analytics.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.analytics.AlertChanged;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.events.analytics.AlertReason;
import org.salescrm.events.analytics.AlertResolved;
import org.salescrm.platform.security.Caller;

/**
 * One alert transition as clients receive it, on the live stream and in webhook bodies: what
 * happened ({@code event}: raised, changed, resolved) and the alert as it now is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertNotice(
        UUID eventId,
        String event,
        String eventType,
        Instant occurredAt,
        UUID alertId,
        long alertVersion,
        String alertType,
        UUID subjectId,
        UUID customerId,
        String ownerId,
        String ownerTeam,
        String severity,
        String status,
        List<AlertReason> reasons,
        String change,
        String note,
        String changedBy,
        Instant snoozedUntil,
        Instant raisedAt,
        Instant resolvedAt,
        String resolution,
        String escalatedTo) {

    public static final String RAISED = "raised";
    public static final String CHANGED = "changed";
    public static final String RESOLVED = "resolved";

    /** The alert's id under the name GET /alerts gives it, so a client reads both the same way. */
    @JsonProperty("id")
    public UUID id() {
        return alertId;
    }

    /** The alert's type ({@code STALLED_OPPORTUNITY}, {@code CHURN_RISK}) under the name GET /alerts gives it. */
    @JsonProperty("type")
    public String type() {
        return alertType;
    }

    /** The notice for an alert event; empty for any other event. */
    public static Optional<AlertNotice> of(DomainEvent event) {
        if (event instanceof AlertRaised e) {
            return Optional.of(new AlertNotice(e.eventId(), RAISED, AlertRaised.TYPE, e.occurredAt(), e.aggregateId(),
                    e.aggregateVersion(), e.alertType(), e.subjectId(), e.customerId(), e.ownerId(), e.ownerTeam(),
                    e.severity(), "OPEN", e.reasons(), null, null, null, null, e.raisedAt(), null, null, null));
        }
        if (event instanceof AlertChanged e) {
            return Optional.of(new AlertNotice(e.eventId(), CHANGED, AlertChanged.TYPE, e.occurredAt(),
                    e.aggregateId(), e.aggregateVersion(), e.alertType(), e.subjectId(), e.customerId(), e.ownerId(),
                    e.ownerTeam(), e.severity(), e.status(), e.reasons(), e.change(), e.note(), e.changedBy(),
                    e.snoozedUntil(), null, null, null, e.escalatedTo()));
        }
        if (event instanceof AlertResolved e) {
            return Optional.of(new AlertNotice(e.eventId(), RESOLVED, AlertResolved.TYPE, e.occurredAt(),
                    e.aggregateId(), e.aggregateVersion(), e.alertType(), e.subjectId(), e.customerId(), e.ownerId(),
                    e.ownerTeam(), null, "RESOLVED", null, null, null, null, null, null, e.resolvedAt(), e.reason(),
                    e.escalatedTo()));
        }
        return Optional.empty();
    }

    /**
     * The rule every list of alerts follows: a rep their own, a manager their teams', an admin
     * all, and the person an alert escalated to (the owner's manager's manager; the admins see it
     * anyway when the organisation names nobody).
     */
    public boolean visibleTo(Caller caller) {
        return caller.canSee(ownerId, ownerTeam) || caller.id().equals(escalatedTo);
    }
}
