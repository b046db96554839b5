package org.salescrm.visit.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What came of the follow-up. */
public record CompleteRequest(@NotBlank @Size(max = 2000) String result) {
}
