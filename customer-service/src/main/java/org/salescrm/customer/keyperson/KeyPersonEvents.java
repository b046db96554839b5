package org.salescrm.customer.keyperson;

import java.time.Instant;
import java.util.List;
import org.salescrm.customer.customer.Customer;
import org.salescrm.events.EventIds;
import org.salescrm.events.customer.DecisionMakerLost;
import org.salescrm.events.customer.KeyPersonAdded;
import org.salescrm.events.customer.KeyPersonDeleted;
import org.salescrm.events.customer.KeyPersonLeft;
import org.salescrm.events.customer.KeyPersonRestored;
import org.salescrm.events.customer.KeyPersonUpdated;

/** The events a key person's changes publish; owner and team are the customer's. */
final class KeyPersonEvents {

    private KeyPersonEvents() {
    }

    static KeyPersonAdded added(KeyPerson k, Customer c) {
        return new KeyPersonAdded(EventIds.next(), k.id, k.version, c.ownerId, c.ownerTeam, k.createdAt, k.customerId,
                k.name, k.title, k.department, k.kpType, k.buyingRole, k.attitude, k.reportsToId);
    }

    static KeyPersonUpdated updated(KeyPerson k, Customer c, List<String> changedFields, Instant at) {
        return new KeyPersonUpdated(EventIds.next(), k.id, k.version, c.ownerId, c.ownerTeam, at, k.customerId,
                k.name, k.title, k.department, k.kpType, k.buyingRole, k.attitude, k.reportsToId, changedFields);
    }

    static KeyPersonLeft left(KeyPerson k, Customer c, long decisionMakersLeft, Instant at) {
        return new KeyPersonLeft(EventIds.next(), k.id, k.version, c.ownerId, c.ownerTeam, at, k.customerId, k.name,
                k.kpType, k.leftOn, k.isDecisionMaker(), (int) decisionMakersLeft);
    }

    static KeyPersonDeleted deleted(KeyPerson k, Customer c, String by) {
        return new KeyPersonDeleted(EventIds.next(), k.id, k.version, c.ownerId, c.ownerTeam, k.deletedAt,
                k.customerId, k.name, k.kpType, by);
    }

    static KeyPersonRestored restored(KeyPerson k, Customer c, String by) {
        return new KeyPersonRestored(EventIds.next(), k.id, k.version, c.ownerId, c.ownerTeam, k.updatedAt,
                k.customerId, k.name, k.kpType, k.active, by);
    }

    /** About the customer, so it carries the customer's current version (see DomainEvent). */
    static DecisionMakerLost decisionMakerLost(KeyPerson k, Customer c, Instant at) {
        return new DecisionMakerLost(EventIds.next(), c.id, c.version, c.ownerId, c.ownerTeam, at, k.id, k.name,
                k.leftOn);
    }
}
