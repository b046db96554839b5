package org.salescrm.customer.customer;

/** One field of a customer changed by a PATCH, as stored (normalised phone and credit code). */
public record FieldChange(String field, String from, String to) {
}
