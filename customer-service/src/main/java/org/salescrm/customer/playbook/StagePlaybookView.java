package org.salescrm.customer.playbook;

import java.util.List;

/** A stage and its items, in order. */
public record StagePlaybookView(String stage, List<PlaybookItemView> items) {
}
