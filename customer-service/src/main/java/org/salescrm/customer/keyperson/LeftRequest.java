package org.salescrm.customer.keyperson;

import java.time.LocalDate;

/** The day the key person left the customer; today when left out, never in the future. */
public record LeftRequest(LocalDate leftOn) {
}
