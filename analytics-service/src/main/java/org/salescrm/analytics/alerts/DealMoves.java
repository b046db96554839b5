package org.salescrm.analytics.alerts;

import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCatalog;
import org.salescrm.events.Topics;

/** Which events can move what the stall rule and the stage medians read of a deal. */
final class DealMoves {

    private DealMoves() {
    }

    /**
     * Whether the event can move a deal's stage, dates, team or archive flag: an event of a customer or an opportunity.
     * Visits and follow-ups never do; they move only the deals' last activity.
     */
    static boolean canMoveDeals(DomainEvent event) {
        String topic = topicOf(event);
        return Topics.OPPORTUNITIES.equals(topic) || Topics.CUSTOMERS.equals(topic);
    }

    /** Whether the event is a visit's: it can move a deal's last activity only through its customer's latest visit. */
    static boolean isVisit(DomainEvent event) {
        return Topics.VISITS.equals(topicOf(event));
    }

    private static String topicOf(DomainEvent event) {
        return EventCatalog.typeOf(event.getClass()).topic();
    }
}
