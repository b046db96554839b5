package org.salescrm.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salescrm.events.CloudEvent;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCatalog;
import org.salescrm.events.EventCodec;
import org.salescrm.platform.database.AdvisoryLocks;

/**
 * Records events in the caller's open transaction. Nothing is sent here: {@link OutboxRelay}
 * publishes after commit, so a rolled-back change never leaks an event and a committed one is
 * never lost to a Kafka outage.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;
    private final String source;

    public Outbox(Clock clock, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.clock = clock;
        this.source = "/" + applicationName;
    }

    /**
     * Must be called inside a transaction (a {@code @WithTransaction} service method). Holds a lock
     * on the record key until commit, so two transactions about one customer commit in the order
     * their events were numbered and the relay never publishes the later one first.
     */
    public Uni<Void> append(DomainEvent event) {
        CloudEvent envelope = EventCodec.envelope(event, source, clock.instant());
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = EventCatalog.typeOf(event.getClass()).topic();
        row.recordKey = event.partitionKey().toString();
        row.type = envelope.type();
        row.payload = EventCodec.write(envelope);
        row.createdAt = envelope.time();
        return AdvisoryLocks.holdUntilCommit(row.recordKey)
                .chain(() -> Panache.getSession())
                .chain(session -> session.persist(row));
    }
}
