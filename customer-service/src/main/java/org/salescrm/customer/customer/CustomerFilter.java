package org.salescrm.customer.customer;

/** The query parameters of {@code GET /customers}; null means "any". */
public record CustomerFilter(String q, String grade, String ownerId, Boolean pool) {
}
