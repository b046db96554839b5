package org.salescrm.customer.quote;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.salescrm.customer.money.Money;
import org.salescrm.customer.opportunity.Opportunity;
import org.salescrm.customer.opportunity.OpportunityQuotes;
import org.salescrm.customer.opportunity.OpportunityRepository;
import org.salescrm.platform.idempotency.Created;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

/** Quotes on an opportunity: give one (the accepted one sets the deal's amount), list them, read one. */
@ApplicationScoped
public class QuoteService {

    static final String RESOURCE = "quote";
    private static final String OPPORTUNITY = "opportunity";

    private final QuoteRepository quotes;
    private final QuoteLineRepository lines;
    private final OpportunityRepository opportunities;
    private final OpportunityQuotes opportunityQuotes;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public QuoteService(QuoteRepository quotes, QuoteLineRepository lines, OpportunityRepository opportunities,
                        OpportunityQuotes opportunityQuotes, Outbox outbox, IdempotencyKeys idempotencyKeys,
                        Clock clock) {
        this.quotes = quotes;
        this.lines = lines;
        this.opportunities = opportunities;
        this.opportunityQuotes = opportunityQuotes;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /**
     * Gives the next quote on an open opportunity the caller may see. An accepted one makes its total the
     * deal's amount and quote amount. A retry with the same idempotency key gets the first quote.
     */
    @WithTransaction
    public Uni<Created<QuoteView>> issue(UUID opportunityId, QuoteRequest request, Caller caller,
                                         String idempotencyKey) {
        return opportunityQuotes.lockVisible(opportunityId, caller).chain(o -> {
            OpportunityQuotes.requireOpen(o);
            return quotes.nextVersion(o.id).chain(version -> {
                Instant now = clock.instant();
                Quote q = newQuote(o, version, request, caller, now);
                List<QuoteLine> quoteLines = linesOf(q, request);
                q.total = quoteLines.stream().map(l -> l.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (idempotencyKey == null) {
                    return insert(q, quoteLines, o, caller, now).map(Created::fresh);
                }
                return idempotencyKeys.claim(caller.id(), idempotencyKey, RESOURCE, q.id)
                        .chain(first -> first.equals(q.id)
                                ? insert(q, quoteLines, o, caller, now).map(Created::fresh)
                                : view(first, caller).map(Created::replay));
            });
        });
    }

    private Uni<QuoteView> insert(Quote q, List<QuoteLine> quoteLines, Opportunity o, Caller caller, Instant now) {
        Uni<Opportunity> written = quotes.persist(q)
                .call(() -> lines.persist(quoteLines))
                .call(() -> outbox.append(QuoteEvents.issued(q, o)))
                .replaceWith(o);
        if (q.accepted) {
            written = written.chain(() -> opportunityQuotes.acceptQuote(o, q.total, caller.id(), now));
        }
        return written.map(opportunity -> QuoteView.of(q, quoteLines, opportunity));
    }

    @WithSession
    public Uni<Page<QuoteView>> list(UUID opportunityId, PageRequest page, Caller caller) {
        return visibleOpportunity(opportunityId, caller).chain(o -> quotes.page(o.id, page)
                .chain(rows -> lines.linesOf(rows.stream().map(q -> q.id).toList())
                        .map(byQuote -> rows.stream()
                                .map(q -> QuoteView.of(q, byQuote.getOrDefault(q.id, List.of()), o)).toList()))
                .map(views -> Page.of(views, page, QuoteRepository::cursorOf, v -> v)));
    }

    @WithSession
    public Uni<QuoteView> find(UUID id, Caller caller) {
        return view(id, caller);
    }

    /** A quote is in reach exactly when its opportunity is; otherwise it answers as a missing one. */
    private Uni<QuoteView> view(UUID id, Caller caller) {
        return quotes.findById(id)
                .chain(q -> q == null ? Uni.createFrom().nullItem() : opportunities.findVisible(q.opportunityId, caller)
                        .chain(o -> o == null ? Uni.createFrom().<QuoteView>nullItem()
                                : lines.linesOf(List.of(q.id)).map(byQuote ->
                                        QuoteView.of(q, byQuote.getOrDefault(q.id, List.of()), o))))
                .onItem().ifNull().failWith(() -> Problems.notFound(RESOURCE, id));
    }

    private Uni<Opportunity> visibleOpportunity(UUID id, Caller caller) {
        return opportunities.findVisible(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound(OPPORTUNITY, id));
    }

    private static Quote newQuote(Opportunity o, long version, QuoteRequest request, Caller caller, Instant now) {
        Quote q = new Quote();
        q.id = UUID.randomUUID();
        q.opportunityId = o.id;
        q.customerId = o.customerId;
        q.version = version;
        q.currency = o.currency;
        q.accepted = Boolean.TRUE.equals(request.accepted());
        q.issuedBy = caller.id();
        q.createdAt = now;
        return q;
    }

    private static List<QuoteLine> linesOf(Quote q, QuoteRequest request) {
        List<QuoteLine> result = new ArrayList<>();
        for (QuoteLineRequest line : request.lines()) {
            QuoteLine l = new QuoteLine();
            l.id = UUID.randomUUID();
            l.quoteId = q.id;
            l.lineNo = result.size() + 1;
            l.productLine = line.productLine().strip();
            l.quantity = line.quantity();
            l.unitPrice = line.unitPrice();
            l.discount = line.discount() == null ? BigDecimal.ZERO : line.discount();
            l.amount = Money.cents(l.quantity.multiply(l.unitPrice).multiply(BigDecimal.ONE.subtract(l.discount)));
            result.add(l);
        }
        return result;
    }
}
