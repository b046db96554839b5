package org.salescrm.customer.pool;

import jakarta.validation.constraints.Size;

/** {@code POST /customers/{id}/release}: the reason is kept in the history; the body may be left out. */
public record ReleaseRequest(@Size(max = 2000) String reason) {
}
