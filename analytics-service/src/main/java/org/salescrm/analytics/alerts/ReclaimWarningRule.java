package org.salescrm.analytics.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.salescrm.events.analytics.AlertReason;

/**
 * customer-service warns (CustomerReclaimWarning) before a silent customer returns to the public
 * pool; this turns the warning into an alert for the owning rep (and their manager), with the days
 * left. It holds until a qualifying contact breaks the silence (a visit after the last contact the
 * warning counted from) or the customer leaves the warned owner (the reclaim itself, or a transfer).
 */
@ApplicationScoped
class ReclaimWarningRule {

    Finding evaluate(ReclaimWarningState s, Instant now, ZoneId zone) {
        if (s.warnedAt() == null) {
            return none(s, false);
        }
        if (s.ownerId() == null || !Objects.equals(s.ownerId(), s.warnedOwner())) {
            return none(s, true);
        }
        if (contactedSince(s)) {
            return none(s, false);
        }
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone), s.reclaimOn()));
        String message = "silent for %d days: returns to the public pool on %s, %d day%s left, unless the customer is contacted"
                .formatted(s.daysSilent() + StallRule.days(s.warnedAt(), now), s.reclaimOn(), daysLeft,
                        daysLeft == 1 ? "" : "s");
        AlertReason reason = new AlertReason("RECLAIM_DUE", message, BigDecimal.valueOf(daysLeft), BigDecimal.ZERO);
        return new Finding(AlertType.RECLAIM_WARNING, s.customerId(), s.customerId(), s.ownerId(), s.ownerTeam(),
                List.of(reason), severity(daysLeft), null, false);
    }

    /** The warning counted the silence from the last contact, daysSilent whole days before it. */
    private static boolean contactedSince(ReclaimWarningState s) {
        Instant silentSince = s.warnedAt().minus(Duration.ofDays(s.daysSilent() == null ? 0 : s.daysSilent()));
        return s.lastVisitAt() != null && s.lastVisitAt().isAfter(silentSince);
    }

    /** HIGH with a day or less left, MEDIUM within three days, LOW before. */
    static Severity severity(long daysLeft) {
        return daysLeft <= 1 ? Severity.HIGH : daysLeft <= 3 ? Severity.MEDIUM : Severity.LOW;
    }

    /** Nothing to warn about; {@code reclaimed}: the customer left the warned owner, so the subject is closed. */
    private static Finding none(ReclaimWarningState s, boolean reclaimed) {
        return new Finding(AlertType.RECLAIM_WARNING, s.customerId(), s.customerId(), s.ownerId(), s.ownerTeam(),
                List.of(), Severity.LOW, null, reclaimed);
    }
}
