package org.salescrm.customer.playbook;

import java.util.List;

/** Every stage's playbook, in funnel order (TARGET included, with no items by default). */
public record PlaybooksView(List<StagePlaybookView> stages) {
}
