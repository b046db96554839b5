package org.salescrm.customer.receivable;

import java.util.UUID;

/** What the receivables report is narrowed to, within what the caller may see. */
public record ReceivablesFilter(String team, String ownerId, UUID customerId) {
}
