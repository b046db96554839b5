package org.salescrm.customer.keyperson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A key person as clients see it; owner and team are the customer's. */
public record KeyPersonView(
        UUID id,
        UUID customerId,
        String name,
        String title,
        String department,
        String phone,
        String email,
        String kpType,
        String buyingRole,
        String attitude,
        UUID reportsToId,
        boolean active,
        LocalDate leftOn,
        String ownerId,
        String ownerTeam,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static KeyPersonView of(KeyPersonService.Scoped scoped) {
        KeyPerson k = scoped.keyPerson();
        return new KeyPersonView(k.id, k.customerId, k.name, k.title, k.department, k.phone, k.email, k.kpType,
                k.buyingRole, k.attitude, k.reportsToId, k.active, k.leftOn, scoped.customer().ownerId,
                scoped.customer().ownerTeam, k.version, k.createdAt, k.updatedAt);
    }
}
