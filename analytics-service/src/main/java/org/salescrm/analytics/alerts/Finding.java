package org.salescrm.analytics.alerts;

import java.util.List;
import java.util.UUID;
import org.salescrm.events.analytics.AlertReason;

/**
 * What a rule found about one subject now: the reasons that hold (none: nothing to alert), the
 * severity they amount to, and whether the subject itself is closed (a won or lost opportunity).
 */
record Finding(AlertType type, UUID subjectId, UUID customerId, String ownerId, String ownerTeam,
               List<AlertReason> reasons, Severity severity, Integer score, boolean subjectClosed) {

    boolean holds() {
        return !reasons.isEmpty();
    }
}
