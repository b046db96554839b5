package org.salescrm.customer.contact;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;
import org.salescrm.platform.database.NativeQueries;

/**
 * Keeps {@code lastContactAt}: the latest business time of a qualifying contact. Runs inside the
 * inbox's transaction. An older visit (logged late, or arriving late) never moves it back, and a
 * contact "in the future" (a device clock ahead) counts as now.
 */
@ApplicationScoped
public class LastContact {

    private final QualifyingContact rule;
    private final Clock clock;

    public LastContact(QualifyingContact rule, Clock clock) {
        this.rule = rule;
        this.clock = clock;
    }

    /** A batch's contacts with one statement: each customer's latest contact among them, where it is newer. */
    public Uni<Void> apply(List<DomainEvent> events) {
        Map<UUID, Instant> latest = latestContacts(events, rule::contactAt, clock.instant());
        if (latest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<UUID, Instant>> rows = List.copyOf(latest.entrySet());
        // No version bump: a visit is not an edit of the customer, and must not make a client's If-Match stale.
        return Panache.getSession().chain(session -> NativeQueries.update(session, """
                        UPDATE customer c SET last_contact_at = d.at
                        FROM unnest(CAST(?1 AS uuid[]), CAST(CAST(?2 AS text[]) AS timestamptz[])) AS d(id, at)
                        WHERE c.id = d.id AND (c.last_contact_at IS NULL OR c.last_contact_at < d.at)""",
                        NativeQueries.array(rows, UUID.class, Map.Entry::getKey),
                        NativeQueries.instants(rows, Map.Entry::getValue)))
                .replaceWithVoid();
    }

    /** Each customer's latest qualifying contact among the events, a contact ahead of {@code now} counting as now. */
    static Map<UUID, Instant> latestContacts(List<DomainEvent> events, Function<DomainEvent, Instant> contactAt,
                                             Instant now) {
        Map<UUID, Instant> latest = new HashMap<>();
        for (DomainEvent event : events) {
            Instant at = contactAt.apply(event);
            UUID customerId = customerOf(event);
            if (at != null && customerId != null) {
                latest.merge(customerId, at.isAfter(now) ? now : at, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return latest;
    }

    private static UUID customerOf(DomainEvent event) {
        if (event instanceof VisitLogged logged) {
            return logged.customerId();
        }
        if (event instanceof VisitCorrected corrected) {
            return corrected.customerId();
        }
        return null;
    }
}
