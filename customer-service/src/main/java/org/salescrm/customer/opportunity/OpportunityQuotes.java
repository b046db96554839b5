package org.salescrm.customer.opportunity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

/**
 * What the quote and contract features may do to an opportunity: find it locked for a write, and take
 * an accepted quote's total as its amount and quote amount. Called inside their transactions, so the
 * quote and the opportunity change together or not at all.
 */
@ApplicationScoped
public class OpportunityQuotes {

    private final OpportunityRepository opportunities;
    private final OpportunityFieldChangeRepository fieldChanges;
    private final Outbox outbox;

    public OpportunityQuotes(OpportunityRepository opportunities, OpportunityFieldChangeRepository fieldChanges,
                             Outbox outbox) {
        this.opportunities = opportunities;
        this.fieldChanges = fieldChanges;
        this.outbox = outbox;
    }

    /**
     * The opportunity if the caller may see it, its row locked until commit: two quotes on one deal get
     * consecutive numbers, and a deal gets one contract even when two requests race. 404 otherwise.
     */
    public Uni<Opportunity> lockVisible(UUID id, Caller caller) {
        Visibility visibility = Visibility.of(caller);
        return opportunities.find(visibility.where("id = :id"), visibility.with("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> Problems.notFound(OpportunityService.RESOURCE, id));
    }

    /** A quote may be given on an open deal only; a won or lost one answers as every other change does. */
    public static void requireOpen(Opportunity o) {
        if (!o.isOpen()) {
            throw Problems.conflict("opportunity-closed", "opportunity-closed", o.status.name());
        }
    }

    /**
     * The customer accepted a quote: its total becomes the deal's {@code amount} and {@code quoteAmount}
     * (the NEGOTIATION gate's evidence), recorded in the field history with an {@code OpportunityUpdated},
     * as a PATCH of the same fields would be. Nothing is written when both already hold the total.
     */
    public Uni<Opportunity> acceptQuote(Opportunity o, BigDecimal total, String by, Instant now) {
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        if (o.amount == null || o.amount.compareTo(total) != 0) {
            before.put("amount", o.amount);
            o.amount = total;
        }
        if (o.quoteAmount == null || o.quoteAmount.compareTo(total) != 0) {
            before.put("quoteAmount", o.quoteAmount);
            o.quoteAmount = total;
        }
        if (before.isEmpty()) {
            return Uni.createFrom().item(o);
        }
        o.updatedAt = now;
        List<String> fields = List.copyOf(before.keySet());
        // The flush bumps the version, which the history rows and the event then carry.
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> fieldChanges.persist(before.entrySet().stream()
                        .map(e -> OpportunityFieldChange.of(o, e.getKey(), e.getValue(), total, by, now)).toList()))
                .chain(() -> outbox.append(OpportunityEvents.updated(o, fields, by, now)))
                .replaceWith(o);
    }
}
