package org.salescrm.analytics.alerts;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salescrm.analytics.organisation.OrganisationReplica;

/**
 * Moves an alert to match what the rules found: raise it, keep its reasons current, re-open it when
 * its snooze ran out, escalate it when left unacknowledged, resolve it when no cause holds. Each
 * transition bumps the version and writes one event, in the caller's transaction. An escalated alert
 * goes to the owner's manager's manager as the organisation stood that day (the team's named
 * superior or its region's head), or to the admins when it names nobody.
 */
@ApplicationScoped
public class AlertLifecycle {

    static final String SYSTEM = "system";
    static final String SUBJECT_ARCHIVED = "SUBJECT_ARCHIVED";

    private final AlertEvents events;
    private final AlertReasons reasons;
    private final OrganisationReplica organisation;
    private final Clock clock;
    private final Duration escalateAfter;

    public AlertLifecycle(AlertEvents events, AlertReasons reasons, OrganisationReplica organisation, Clock clock,
                          @ConfigProperty(name = "crm.alerts.escalate-after-days", defaultValue = "2") int escalateAfterDays) {
        this.events = events;
        this.reasons = reasons;
        this.organisation = organisation;
        this.clock = clock;
        this.escalateAfter = Duration.ofDays(escalateAfterDays);
    }

    /** @param current the subject's alert that is not RESOLVED, locked, or null */
    Uni<Void> settle(Finding finding, Alert current, Instant now) {
        if (!finding.holds()) {
            return current == null ? Uni.createFrom().voidItem() : resolve(current, finding, now);
        }
        return current == null ? raise(finding, now) : update(current, finding, now);
    }

    private Uni<Void> raise(Finding f, Instant now) {
        Alert a = new Alert();
        a.id = UUID.randomUUID();
        a.version = 0;
        a.alertType = f.type();
        a.subjectId = f.subjectId();
        a.customerId = f.customerId();
        a.ownerId = f.ownerId();
        a.ownerTeam = f.ownerTeam();
        a.severity = f.severity();
        a.reasons = reasons.write(f.reasons());
        a.score = f.score();
        a.status = AlertStatus.OPEN;
        a.raisedAt = now;
        a.openSince = now;
        a.createdAt = now;
        a.updatedAt = now;
        return a.persist().chain(() -> events.raised(a, now));
    }

    private Uni<Void> update(Alert a, Finding f, Instant now) {
        String change = null;
        if (a.status == AlertStatus.SNOOZED && a.snoozedUntil != null && !a.snoozedUntil.isAfter(now)) {
            a.status = AlertStatus.OPEN;
            a.openSince = now;
            change = "REOPENED";
        }
        String newReasons = reasons.write(f.reasons());
        Severity severity = a.escalated ? Severity.HIGH : f.severity();
        boolean ownerMoved = !Objects.equals(a.ownerId, f.ownerId()) || !Objects.equals(a.ownerTeam, f.ownerTeam());
        if (!newReasons.equals(a.reasons) || severity != a.severity || !Objects.equals(a.score, f.score())
                || ownerMoved) {
            a.reasons = newReasons;
            a.severity = severity;
            a.score = f.score();
            a.ownerId = f.ownerId();
            a.ownerTeam = f.ownerTeam();
            change = change != null ? change : ownerMoved ? "OWNER_CHANGED" : "REASONS_CHANGED";
        }
        if (a.status == AlertStatus.OPEN && !a.escalated && !a.openSince.plus(escalateAfter).isAfter(now)) {
            return organisation.managersSuperior(a.ownerTeam, LocalDate.ofInstant(now, clock.getZone()))
                    .chain(superior -> {
                        a.escalated = true;
                        a.escalatedTo = superior;
                        a.severity = Severity.HIGH;
                        return save(a, "ESCALATED", now);
                    });
        }
        return change == null ? Uni.createFrom().voidItem() : save(a, change, now);
    }

    private Uni<Void> save(Alert a, String change, Instant now) {
        a.version++;
        a.updatedAt = now;
        return a.persist().chain(() -> events.changed(a, change, SYSTEM, now));
    }

    private Uni<Void> resolve(Alert a, Finding f, Instant now) {
        return resolve(a, f.subjectClosed() ? "SUBJECT_CLOSED" : "CAUSES_CLEARED", now);
    }

    /** Its subject (or the subject's customer) was deleted in customer-service: the alert is moot, not cleared. */
    Uni<Void> resolveArchived(Alert a, Instant now) {
        return resolve(a, SUBJECT_ARCHIVED, now);
    }

    private Uni<Void> resolve(Alert a, String resolution, Instant now) {
        a.status = AlertStatus.RESOLVED;
        a.resolvedAt = now;
        a.resolution = resolution;
        a.version++;
        a.updatedAt = now;
        return a.persist().chain(() -> events.resolved(a, now));
    }
}
