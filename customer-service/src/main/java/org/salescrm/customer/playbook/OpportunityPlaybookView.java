package org.salescrm.customer.playbook;

import java.util.List;
import java.util.UUID;

/** An opportunity's completion of every stage's playbook; {@code stage} is where it stands now. */
public record OpportunityPlaybookView(UUID opportunityId, String stage, List<StageProgressView> stages) {
}
