package org.salescrm.analytics.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.analytics.AlertReason;

/** An alert as the API shows it (API.md: GET /alerts). */
public record AlertView(UUID id, long version, String type, UUID subjectId, UUID customerId, String ownerId,
                        String ownerTeam, String severity, List<AlertReason> reasons, Integer score, String status,
                        boolean escalated, String escalatedTo, Instant raisedAt, Instant resolvedAt, String resolution,
                        Instant acknowledgedAt, String acknowledgedBy, String note, Instant snoozedUntil,
                        String snoozeReason, Instant createdAt, Instant updatedAt) {

    static AlertView of(Alert a, AlertReasons reasons) {
        return new AlertView(a.id, a.version, a.alertType.name(), a.subjectId, a.customerId, a.ownerId, a.ownerTeam,
                a.severity.name(), reasons.read(a.reasons), a.score, a.status.name(), a.escalated, a.escalatedTo, a.raisedAt,
                a.resolvedAt, a.resolution, a.acknowledgedAt, a.acknowledgedBy, a.note, a.snoozedUntil, a.snoozeReason,
                a.createdAt, a.updatedAt);
    }
}
