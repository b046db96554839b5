package org.salescrm.customer.playbook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What proves a hand-ticked item: what was done, in a sentence. */
public record TickRequest(@NotBlank @Size(max = 2000) String note) {
}
