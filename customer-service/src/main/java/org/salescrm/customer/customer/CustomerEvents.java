package org.salescrm.customer.customer;

import java.util.List;
import org.salescrm.events.EventIds;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.CustomerDeleted;
import org.salescrm.events.customer.CustomerRestored;
import org.salescrm.events.customer.CustomerUpdated;
import org.salescrm.platform.patch.FieldChange;

/** The events a customer's changes publish. */
final class CustomerEvents {

    private CustomerEvents() {
    }

    static CustomerCreated created(Customer c) {
        return new CustomerCreated(EventIds.next(), c.id, c.version, c.ownerId, c.ownerTeam, c.createdAt, c.name,
                c.grade, c.industry, c.region, c.scale, c.source, c.createdBy);
    }

    static CustomerUpdated updated(Customer c, List<FieldChange> changes, String previousGrade, String by) {
        return new CustomerUpdated(EventIds.next(), c.id, c.version, c.ownerId, c.ownerTeam, c.updatedAt, c.name,
                c.grade, c.industry, c.region, c.scale, c.source, changes.stream().map(FieldChange::field).toList(),
                previousGrade, by);
    }

    static CustomerDeleted deleted(Customer c, String by) {
        return new CustomerDeleted(EventIds.next(), c.id, c.version, c.ownerId, c.ownerTeam, c.deletedAt, c.name, by);
    }

    static CustomerRestored restored(Customer c, String by) {
        return new CustomerRestored(EventIds.next(), c.id, c.version, c.ownerId, c.ownerTeam, c.updatedAt, c.name,
                c.grade, by);
    }
}
