package org.salescrm.customer.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.salescrm.customer.money.Money;
import org.salescrm.customer.opportunity.Opportunity;

/**
 * A quote as clients see it. {@code version} and {@code quoteNumber} are the same number: the quote's
 * place among its opportunity's quotes, which never changes because a quote is never edited. Owner and
 * team are the opportunity's, whose visibility the quote shares.
 */
public record QuoteView(
        UUID id,
        UUID opportunityId,
        UUID customerId,
        long quoteNumber,
        List<QuoteLineView> lines,
        BigDecimal total,
        String currency,
        boolean accepted,
        String issuedBy,
        String ownerId,
        String ownerTeam,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** A line with its amount after discount. */
    public record QuoteLineView(String productLine, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
                       BigDecimal amount) {
    }

    static QuoteView of(Quote q, List<QuoteLine> lines, Opportunity o) {
        List<QuoteLineView> views = lines.stream().map(l -> new QuoteLineView(l.productLine, Money.plain(l.quantity),
                Money.plain(l.unitPrice), Money.plain(l.discount), Money.plain(l.amount))).toList();
        return new QuoteView(q.id, q.opportunityId, q.customerId, q.version, views, Money.plain(q.total), q.currency,
                q.accepted, q.issuedBy, o.ownerId, o.ownerTeam, q.version, q.createdAt, q.createdAt);
    }
}
