package org.salescrm.customer.customer;

import java.util.UUID;
import org.salescrm.events.customer.CustomerCreated;

/** The events a customer's changes publish. */
final class CustomerEvents {

    private CustomerEvents() {
    }

    static CustomerCreated created(Customer c) {
        return new CustomerCreated(UUID.randomUUID(), c.id, c.version, c.ownerId, c.ownerTeam, c.createdAt, c.name,
                c.grade, c.industry, c.region, c.scale, c.source, c.createdBy);
    }
}
