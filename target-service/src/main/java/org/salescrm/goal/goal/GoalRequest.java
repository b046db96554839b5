package org.salescrm.goal.goal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.salescrm.goal.actuals.Metric;

/** What a client sends to set a goal; owner, acknowledgement, version and timestamps are the server's. */
public record GoalRequest(
        @NotBlank @Size(max = 20) String period,
        @NotNull Metric metric,
        @NotNull @Valid Scope scope,
        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal target,
        UUID parentId) {

    /**
     * {@code id} is the team, region, product line or rep (none for the company). {@code team} is
     * optional: the team of a REP or PRODUCT goal when this service has not yet seen the rep in an event.
     */
    public record Scope(@NotNull ScopeLevel level, @Size(max = 200) String id, @Size(max = 200) String team) {
    }
}
