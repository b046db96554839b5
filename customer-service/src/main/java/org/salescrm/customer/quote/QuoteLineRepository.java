package org.salescrm.customer.quote;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class QuoteLineRepository implements PanacheRepositoryBase<QuoteLine, UUID> {

    /** The lines of the given quotes, by quote, each in line order. */
    Uni<Map<UUID, List<QuoteLine>>> linesOf(List<UUID> quoteIds) {
        if (quoteIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("quoteId in ?1 order by lineNo", quoteIds)
                .map(lines -> lines.stream().collect(Collectors.groupingBy(l -> l.quoteId)));
    }
}
