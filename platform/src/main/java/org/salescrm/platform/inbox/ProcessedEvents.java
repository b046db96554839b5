package org.salescrm.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The events each consumer has already applied, recorded in the same transaction as their effect. */
@ApplicationScoped
public class ProcessedEvents {

    private final Clock clock;

    public ProcessedEvents(Clock clock) {
        this.clock = clock;
    }

    /** True the first time a consumer sees an event id; false for every redelivery. Needs an open transaction. */
    public Uni<Boolean> markFirstDelivery(String consumer, UUID eventId) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
