package org.salescrm.customer.quote;

import org.salescrm.customer.opportunity.Opportunity;
import org.salescrm.events.EventIds;
import org.salescrm.events.customer.QuoteIssued;

/** The event a quote publishes; its version is the quote's number, which never changes. */
final class QuoteEvents {

    private QuoteEvents() {
    }

    static QuoteIssued issued(Quote q, Opportunity o) {
        return new QuoteIssued(EventIds.next(), q.id, q.version, o.ownerId, o.ownerTeam, q.createdAt, q.customerId,
                q.opportunityId, Math.toIntExact(q.version), q.total, q.currency, q.accepted, q.issuedBy);
    }
}
