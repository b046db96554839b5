package org.salescrm.customer.contact;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;

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

    public Uni<Void> apply(DomainEvent event) {
        Instant at = rule.contactAt(event);
        UUID customerId = customerOf(event);
        if (at == null || customerId == null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Instant contact = at.isAfter(now) ? now : at;
        // No version bump: a visit is not an edit of the customer, and must not make a client's If-Match stale.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        UPDATE customer SET last_contact_at = ?1
                        WHERE id = ?2 AND (last_contact_at IS NULL OR last_contact_at < ?1)""")
                        .setParameter(1, contact)
                        .setParameter(2, customerId)
                        .executeUpdate())
                .replaceWithVoid();
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
