package org.salescrm.visit.visit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A correction: only these fields can change; the summary can be rewritten but never cleared. */
public record VisitPatch(
        @NotBlank @Size(max = 4000) String summary,
        @Size(max = 2000) String customerFeedback,
        @Size(max = 2000) String needs,
        Sentiment sentiment,
        Boolean purposeAchieved) {

    /** What the server alone decides: a client naming one is told so, not ignored. */
    static final Set<String> SERVER_OWNED = Set.of("id", "ownerId", "ownerTeam", "loggedBy", "loggedAt",
            "followUpId", "effective", "lateEntry", "version", "createdAt", "updatedAt");
}
