package org.salescrm.goal.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * What a PATCH of a review may change: the manager {@code missReasons} and {@code actions} (the
 * whole list, as JSON Merge Patch replaces arrays), the reviewed rep {@code repAnswer}.
 */
public record ReviewPatch(
        @Size(max = 4000) String missReasons,
        @Size(max = 4000) String repAnswer,
        @Size(max = 50) List<@Valid ActionRequest> actions) {

    /** The figures and everything else are the server's; a client naming one is told so. */
    static final Set<String> SERVER_OWNED = Set.of("id", "scope", "period", "periodStart", "periodEnd", "ownerId",
            "ownerTeam", "previous", "goals", "funnel", "won", "lost", "slipped", "activity", "createdBy", "version",
            "createdAt", "updatedAt", "asOf");

    static boolean touchesManagerFields(org.salescrm.platform.patch.MergePatch<ReviewPatch> patch) {
        return patch.has("missReasons") || patch.has("actions");
    }
}
