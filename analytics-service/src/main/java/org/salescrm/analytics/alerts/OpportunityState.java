package org.salescrm.analytics.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the stall rule reads of one opportunity. */
record OpportunityState(UUID opportunityId, UUID customerId, String ownerId, String ownerTeam, String stage,
                        String status, Instant stageEnteredAt, Instant lastActivityAt, LocalDate expectedCloseDate,
                        Instant openedAt) {

    boolean isOpen() {
        return "OPEN".equals(status);
    }
}
