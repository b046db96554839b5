package org.salescrm.customer.opportunity;

import java.time.Instant;
import java.util.UUID;

/** One field changed: from what to what (as text), who, when, and the version the change made. */
public record FieldChangeView(UUID id, String field, String from, String to, Instant at, String by, long version) {

    static FieldChangeView of(OpportunityFieldChange c) {
        return new FieldChangeView(c.id, c.field, c.oldValue, c.newValue, c.changedAt, c.changedBy, c.version);
    }
}
