package org.salescrm.customer.pool;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /customer-transfers}: everything of one rep (one who leaves) to another; the reason is optional. */
public record BulkTransferRequest(
        @NotBlank @Size(max = 200) String fromOwnerId,
        @NotBlank @Size(max = 200) String toOwnerId,
        @NotBlank @Size(max = 200) String toTeam,
        @Size(max = 2000) String reason) {
}
