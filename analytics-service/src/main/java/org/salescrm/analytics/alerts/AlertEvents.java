package org.salescrm.analytics.alerts;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.salescrm.events.EventIds;
import org.salescrm.events.analytics.AlertChanged;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.events.analytics.AlertReason;
import org.salescrm.events.analytics.AlertResolved;
import org.salescrm.platform.outbox.Outbox;

/** Every alert transition as an event on crm.alerts, written to the outbox in the alert's own transaction. */
@ApplicationScoped
public class AlertEvents {

    private final Outbox outbox;
    private final AlertReasons reasons;

    public AlertEvents(Outbox outbox, AlertReasons reasons) {
        this.outbox = outbox;
        this.reasons = reasons;
    }

    Uni<Void> raised(Alert a, Instant now) {
        return outbox.append(new AlertRaised(EventIds.next(), a.id, a.version, a.ownerId, a.ownerTeam, now,
                a.alertType.name(), a.subjectId, a.customerId, a.severity.name(), list(a), a.raisedAt));
    }

    Uni<Void> changed(Alert a, String change, String changedBy, Instant now) {
        return outbox.append(new AlertChanged(EventIds.next(), a.id, a.version, a.ownerId, a.ownerTeam, now,
                a.alertType.name(), a.subjectId, a.customerId, a.status.name(), a.severity.name(), list(a), change,
                "ACKNOWLEDGED".equals(change) ? a.note : "SNOOZED".equals(change) ? a.snoozeReason : null, changedBy,
                a.snoozedUntil, a.escalatedTo));
    }

    Uni<Void> resolved(Alert a, Instant now) {
        return outbox.append(new AlertResolved(EventIds.next(), a.id, a.version, a.ownerId, a.ownerTeam, now,
                a.alertType.name(), a.subjectId, a.customerId, a.resolvedAt, a.resolution, a.escalatedTo));
    }

    private List<AlertReason> list(Alert a) {
        return reasons.read(a.reasons);
    }
}
