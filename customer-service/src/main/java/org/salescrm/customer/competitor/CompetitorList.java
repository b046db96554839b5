package org.salescrm.customer.competitor;

import java.util.List;

/** A deal's competitors, oldest first; a deal has few, so the list is not paged. */
public record CompetitorList(List<CompetitorView> items) {
}
