package org.salescrm.customer.opportunity;

import java.util.UUID;

/** The query parameters of {@code GET /opportunities}; null means "any". */
public record OpportunityFilter(Stage stage, OpportunityStatus status, String ownerId, UUID customerId) {
}
