package org.salescrm.customer.quote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new quote: its lines, and whether the customer accepted it (default false). */
public record QuoteRequest(
        @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull QuoteLineRequest> lines,
        Boolean accepted) {
}
