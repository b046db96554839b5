package org.salescrm.analytics.alerts;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.platform.paging.Cursor;
import org.salescrm.platform.paging.Keyset;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

/** Reading alerts within the caller's reach, and the transitions people make: acknowledge and snooze. */
@ApplicationScoped
public class AlertService {

    private final AlertEvents events;
    private final AlertReasons reasons;
    private final Clock clock;

    public AlertService(AlertEvents events, AlertReasons reasons, Clock clock) {
        this.events = events;
        this.reasons = reasons;
        this.clock = clock;
    }

    /** Newest first, by raisedAt then id, so the cursor stays stable while alerts are raised. */
    @WithSession
    public Uni<Page<AlertView>> list(AlertFilter filter, PageRequest page, Caller caller) {
        Visibility visibility = visibility(caller);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>(visibility.parameters());
        add(conditions, parameters, "status = :status", "status", filter.status());
        add(conditions, parameters, "alertType = :type", "type", filter.type());
        add(conditions, parameters, "ownerId = :ownerId", "ownerId", filter.ownerId());
        add(conditions, parameters, "ownerTeam = :team", "team", filter.team());
        add(conditions, parameters, "customerId = :customerId", "customerId", filter.customerId());
        add(conditions, parameters, "severity = :severity", "severity", filter.severity());
        add(conditions, parameters, "escalated = :escalated", "escalated", filter.escalated());
        String where = visibility.where((conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions))
                + Keyset.NEWEST_FIRST.andAfter("raisedAt", page, parameters));
        return Alert.<Alert>find(where + Keyset.NEWEST_FIRST.orderBy("raisedAt"), parameters)
                .range(0, page.fetchSize() - 1).list()
                .map(rows -> Page.of(rows, page, a -> new Cursor(a.raisedAt.toString(), a.id),
                        a -> AlertView.of(a, reasons)));
    }

    @WithSession
    public Uni<AlertView> find(UUID id, Caller caller) {
        return visible(id, caller, false).map(a -> AlertView.of(a, reasons));
    }

    /** Acknowledging twice changes nothing the second time: a retried request is not a new transition. */
    @WithTransaction
    public Uni<AlertView> acknowledge(UUID id, AcknowledgeRequest request, Caller caller) {
        Instant now = clock.instant();
        return visible(id, caller, true).chain(a -> {
            notResolved(a);
            if (a.status == AlertStatus.ACKNOWLEDGED) {
                return Uni.createFrom().item(a);
            }
            a.status = AlertStatus.ACKNOWLEDGED;
            a.acknowledgedAt = now;
            a.acknowledgedBy = caller.id();
            a.note = request == null ? null : request.note();
            a.snoozedUntil = null;
            a.version++;
            a.updatedAt = now;
            return a.<Alert>persist().chain(() -> events.changed(a, "ACKNOWLEDGED", caller.id(), now)).replaceWith(a);
        }).map(a -> AlertView.of(a, reasons));
    }

    @WithTransaction
    public Uni<AlertView> snooze(UUID id, SnoozeRequest request, Caller caller) {
        Instant now = clock.instant();
        Instant until = until(request.until(), now);
        return visible(id, caller, true).chain(a -> {
            notResolved(a);
            a.status = AlertStatus.SNOOZED;
            a.snoozedUntil = until;
            a.snoozeReason = request.reason().strip();
            a.snoozedBy = caller.id();
            a.version++;
            a.updatedAt = now;
            return a.<Alert>persist().chain(() -> events.changed(a, "SNOOZED", caller.id(), now)).replaceWith(a);
        }).map(a -> AlertView.of(a, reasons));
    }

    private Uni<Alert> visible(UUID id, Caller caller, boolean lock) {
        Visibility visibility = visibility(caller);
        var query = Alert.<Alert>find(visibility.where("id = :id"), visibility.with("id", id));
        return (lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).firstResult()
                .onItem().ifNull().failWith(() -> Problems.notFound("alert", id));
    }

    /**
     * A rep their own alerts, a manager their teams', an admin all (platform's rule), and anyone the
     * alerts escalated to them; any other alert answers as a missing one.
     */
    private static Visibility visibility(Caller caller) {
        Visibility owned = Visibility.of(caller);
        // an admin's clause is everything already, and binds no caller id
        return caller.isAdmin() ? owned : owned.or("escalatedTo = :callerId");
    }

    private static void notResolved(Alert a) {
        if (a.status == AlertStatus.RESOLVED) {
            throw Problems.conflict("alert-resolved", "alert-resolved", a.id);
        }
    }

    /** An instant, or a date meaning the start of that day in business time; either must lie ahead. */
    private Instant until(String value, Instant now) {
        Instant until;
        try {
            until = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(clock.getZone()).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "malformed-field",
                    List.of(new FieldViolation("until", "format", "an ISO-8601 instant or a YYYY-MM-DD date")),
                    "malformed-field", "until", value);
        }
        if (!until.isAfter(now)) {
            throw Problems.ruleViolated("validation",
                    List.of(new FieldViolation("until", "Future", "must be in the future")), "validation", "until");
        }
        return until;
    }

    private static void add(List<String> conditions, Map<String, Object> parameters, String condition, String name,
                            Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }
}
