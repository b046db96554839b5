package org.salescrm.visit.visit;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A correction: only these fields can change; a field left out (or null) stays as it is. */
public record VisitPatch(
        @Size(max = 4000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String summary,
        @Size(max = 2000) String customerFeedback,
        @Size(max = 2000) String needs,
        Sentiment sentiment,
        Boolean purposeAchieved) {
}
