package org.salescrm.customer.opportunity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.salescrm.events.EventIds;
import org.salescrm.events.customer.OpportunityDeleted;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityRestored;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.customer.OpportunityUpdated;
import org.salescrm.events.customer.OpportunityWon;

/** The events an opportunity's changes publish; each carries the version the change made. */
final class OpportunityEvents {

    private OpportunityEvents() {
    }

    static OpportunityOpened opened(Opportunity o) {
        return new OpportunityOpened(EventIds.next(), o.id, o.version, o.ownerId, o.ownerTeam, o.stageEnteredAt,
                o.customerId, o.name, o.amount, o.currency, o.productLine, o.stage.name(), o.probability,
                o.expectedCloseDate, o.openedOn);
    }

    static OpportunityUpdated updated(Opportunity o, List<String> changedFields, String by, Instant at) {
        return new OpportunityUpdated(EventIds.next(), o.id, o.version, o.ownerId, o.ownerTeam, at, o.customerId,
                o.name, o.amount, o.currency, o.productLine, o.stage.name(), o.probability, o.expectedCloseDate,
                o.budget, o.quoteAmount, o.contractSignedOn, o.firstPaymentOn, changedFields, by);
    }

    static OpportunityStageChanged stageChanged(Opportunity o, Stage from, String reason, String by) {
        return new OpportunityStageChanged(EventIds.next(), o.id, o.version, o.ownerId, o.ownerTeam,
                o.stageEnteredAt, o.customerId, from.name(), o.stage.name(), o.probability, reason,
                o.stage.isBefore(from), o.amount, o.currency, o.productLine, o.expectedCloseDate, by);
    }

    static OpportunityWon won(Opportunity o, LocalDate wonOn) {
        return new OpportunityWon(EventIds.next(), o.id, o.version, o.ownerId, o.ownerTeam, o.closedAt,
                o.customerId, o.amount, o.currency, o.productLine, wonOn, o.openedOn, o.contractSignedOn,
                o.firstPaymentOn);
    }

    static OpportunityLost lost(Opportunity o, String by) {
        return new OpportunityLost(EventIds.next(), o.id, o.version, o.ownerId, o.ownerTeam, o.closedAt,
                o.customerId, o.stage.name(), o.lostReason, o.amount, o.currency, o.productLine, by, o.lostTo);
    }

    static OpportunityDeleted deleted(Opportunity o, String by) {
        return new OpportunityDeleted(EventIds.next(), o.id, o.version, o.ownerId, o.ownerTeam, o.deletedAt,
                o.customerId, o.stage.name(), o.status.name(), by);
    }

    static OpportunityRestored restored(Opportunity o, String by) {
        return new OpportunityRestored(EventIds.next(), o.id, o.version, o.ownerId, o.ownerTeam, o.updatedAt,
                o.customerId, o.stage.name(), o.status.name(), o.amount, o.currency, by);
    }
}
