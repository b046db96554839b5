package org.salescrm.analytics.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** team, ownerId and an inclusive range of business dates; each null one does not filter. */
record ReportFilter(String team, String ownerId, LocalDate from, LocalDate to) {

    Instant fromInstant(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The end is exclusive: the start of the day after {@code to}. */
    Instant toInstant(ZoneId zone) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
