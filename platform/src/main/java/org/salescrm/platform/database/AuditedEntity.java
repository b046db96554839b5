package org.salescrm.platform.database;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The columns every changeable record carries: when it was created and last changed, and the
 * version that {@code ETag}/{@code If-Match} and optimistic locking read. The services set the
 * times from their injected clock (not the database's), so tests and business days agree.
 */
@MappedSuperclass
public abstract class AuditedEntity {

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public Long version;

    /** A new record: created and changed now. */
    public void stampCreated(Instant now) {
        createdAt = now;
        updatedAt = now;
    }
}
