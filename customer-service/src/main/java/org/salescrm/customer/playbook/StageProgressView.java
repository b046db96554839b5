package org.salescrm.customer.playbook;

import java.util.List;

/** A stage's items for one opportunity, with how many are done. */
public record StageProgressView(String stage, int done, int total, List<ItemProgressView> items) {
}
