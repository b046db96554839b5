package org.salescrm.customer.pool;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /customers/{id}/transfer}: to whom, in which team, and why (API.md does not require a reason). */
public record TransferRequest(
        @NotBlank @Size(max = 200) String toOwnerId,
        @NotBlank @Size(max = 200) String toTeam,
        @Size(max = 2000) String reason) {
}
