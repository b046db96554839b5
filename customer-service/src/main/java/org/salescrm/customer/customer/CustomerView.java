package org.salescrm.customer.customer;

import java.time.Instant;
import java.util.UUID;

/** A customer as clients see it. */
public record CustomerView(
        UUID id,
        String name,
        String industry,
        String region,
        String scale,
        String source,
        String phone,
        String creditCode,
        String address,
        String grade,
        String ownerId,
        String ownerTeam,
        boolean inPool,
        Instant lastContactAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static CustomerView of(Customer c) {
        return new CustomerView(c.id, c.name, c.industry, c.region, c.scale, c.source, c.phone, c.creditCode,
                c.address, c.grade, c.ownerId, c.ownerTeam, c.inPool(), c.lastContactAt, c.version, c.createdAt,
                c.updatedAt);
    }
}
