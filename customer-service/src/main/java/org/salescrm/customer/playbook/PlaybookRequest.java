package org.salescrm.customer.playbook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A stage's whole playbook, replacing the one it had; an empty list leaves the stage without items. */
public record PlaybookRequest(@NotNull @Size(max = 30) List<@NotNull @Valid PlaybookItemRequest> items) {
}
