package org.salescrm.customer.competitor;

import java.time.LocalDate;

/** The report's filters; dates are Asia/Shanghai days of the deal's closing, both included. */
record CompetitorFilter(String team, String ownerId, LocalDate from, LocalDate to) {
}
