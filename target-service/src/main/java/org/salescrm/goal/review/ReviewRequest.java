package org.salescrm.goal.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.salescrm.goal.goal.ScopeLevel;

/** What a manager sends to open a review; its figures, owner, version and timestamps are the server's. */
public record ReviewRequest(
        @NotNull @Valid Scope scope,
        @NotBlank @Size(max = 20) String period) {

    /**
     * {@code level} TEAM or REP; {@code id} the team or the rep's user id. {@code team} is optional:
     * the rep's team when this service has not yet seen the rep in an event.
     */
    public record Scope(@NotNull ScopeLevel level, @NotBlank @Size(max = 200) String id,
                        @Size(max = 200) String team) {
    }
}
