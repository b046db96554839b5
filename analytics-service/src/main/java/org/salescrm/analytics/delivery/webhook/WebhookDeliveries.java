package org.salescrm.analytics.delivery.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.analytics.Sql;
import org.salescrm.analytics.delivery.AlertNotice;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCatalog;

/**
 * Turns an alert event, or a domain event a subscription names in its event types, into one pending
 * delivery per matching subscription, inside the inbox's transaction. Only rows are written here: sending is the dispatcher's, so a slow or failing
 * receiver never holds up the consumer. The unique (subscription, event) key keeps a redelivered
 * event from enqueuing twice even if its processed-event mark were gone.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private final ObjectMapper json;
    private final Clock clock;

    public WebhookDeliveries(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Returns how many deliveries were stored (none for an event that is no alert notice). */
    public Uni<Integer> enqueue(DomainEvent event) {
        return AlertNotice.of(event).map(this::enqueue).orElseGet(() -> Uni.createFrom().item(0));
    }

    private Uni<Integer> enqueue(AlertNotice notice) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // A subscription lists no team for "all teams"; an alert without a team matches only those.
        String team = notice.ownerTeam() == null ? "" : notice.ownerTeam();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, payload, status, attempts,
                                                      next_attempt_at, created_at, updated_at)
                        SELECT gen_random_uuid(), s.id, ?1, ?2, ?3, 'PENDING', 0, ?4, ?4, ?4
                        FROM webhook_subscription s
                        WHERE s.deleted_at IS NULL
                          AND (cardinality(s.teams) = 0 OR ?5 = ANY (s.teams) OR s.created_by = ?6)
                          AND (cardinality(s.event_types) = 0 OR ?2 = ANY (s.event_types))
                        ON CONFLICT (subscription_id, event_id) DO NOTHING""")
                .setParameter(1, notice.eventId())
                .setParameter(2, notice.eventType())
                .setParameter(3, body(notice))
                .setParameter(4, now)
                .setParameter(5, team)
                // an escalated alert also reaches the subscriptions of the person it escalated to
                .setParameter(6, notice.escalatedTo() == null ? "" : notice.escalatedTo())
                .executeUpdate());
    }

    /**
     * Domain events go to the subscriptions naming their type, scoped by team like alerts (a pool
     * customer's event, without a team, only to those for every team), all of a batch with one statement.
     * The body is the CloudEvent exactly as it was published ({@code published}, by event id). Returns how
     * many deliveries were stored.
     */
    public Uni<Integer> enqueue(List<DomainEvent> events, Map<UUID, String> published) {
        return Sql.update("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, payload, status, attempts,
                                                      next_attempt_at, created_at, updated_at)
                        SELECT gen_random_uuid(), s.id, d.event_id, d.event_type, d.payload, 'PENDING', 0, ?5, ?5, ?5
                        FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]),
                                    CAST(?3 AS text[]), CAST(?4 AS text[]))
                                 AS d(event_id, event_type, payload, team)
                        JOIN webhook_subscription s ON s.deleted_at IS NULL
                             AND (cardinality(s.teams) = 0 OR d.team = ANY (s.teams))
                             AND d.event_type = ANY (s.event_types)
                        ON CONFLICT (subscription_id, event_id) DO NOTHING""",
                Sql.array(events, UUID.class, DomainEvent::eventId),
                Sql.array(events, String.class, event -> EventCatalog.typeOf(event.getClass()).name()),
                Sql.array(events, String.class, event -> published.get(event.eventId())),
                Sql.array(events, String.class, event -> event.ownerTeam() == null ? "" : event.ownerTeam()),
                Sql.at(clock.instant()));
    }

    private String body(AlertNotice notice) {
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert notice always serialises", e);
        }
    }
}
