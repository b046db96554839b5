package org.salescrm.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event carries, whatever it tells. Consumers rely on {@link #aggregateVersion()}
 * to apply an aggregate's events at most once and in order, and on {@link #occurredAt()}
 * (business time) rather than on when the event was published. An event that changes no state
 * (a reclaim warning, an overdue follow-up) or that follows another for the same change (a lost
 * decision maker, a won opportunity) repeats the aggregate's current version, so consumers of
 * those deduplicate by {@link #eventId()}.
 */
public interface DomainEvent {

    UUID eventId();

    UUID aggregateId();

    long aggregateVersion();

    /** The owning rep's user id; null while a customer sits in the public pool. */
    String ownerId();

    String ownerTeam();

    Instant occurredAt();

    /**
     * The Kafka record key: the customer id, so that all events of one customer stay in
     * order on one partition. Aggregates that belong to no customer (goals) key by themselves.
     */
    UUID partitionKey();
}
