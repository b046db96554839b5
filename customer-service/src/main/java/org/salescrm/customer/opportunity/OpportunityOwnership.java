package org.salescrm.customer.opportunity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.salescrm.platform.outbox.Outbox;

/**
 * Open opportunities follow their customer to a new owner (claim, release, transfer, reclaim).
 * Called by the customer's ownership change, inside its transaction, so the customer and its
 * opportunities move together or not at all.
 */
@ApplicationScoped
public class OpportunityOwnership {

    static final String OWNER_ID = "ownerId";
    static final String OWNER_TEAM = "ownerTeam";

    private final OpportunityRepository opportunities;
    private final OpportunityFieldChangeRepository fieldChanges;
    private final Outbox outbox;
    private final Clock clock;

    public OpportunityOwnership(OpportunityRepository opportunities, OpportunityFieldChangeRepository fieldChanges,
                                Outbox outbox, Clock clock) {
        this.opportunities = opportunities;
        this.fieldChanges = fieldChanges;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Moves every OPEN opportunity of the customer to the new owner and team (null, null for the
     * public pool), records the change in each one's field history and appends an
     * {@code OpportunityUpdated} per opportunity to the outbox. Must run inside the caller's
     * reactive transaction. Won and lost opportunities keep the owner who closed them.
     *
     * @return how many opportunities moved
     */
    public Uni<Integer> followCustomer(UUID customerId, String toOwnerId, String toTeam, String changedBy) {
        return opportunities.openOf(customerId).chain(open -> {
            List<Opportunity> moving = open.stream()
                    .filter(o -> !Objects.equals(o.ownerId, toOwnerId) || !Objects.equals(o.ownerTeam, toTeam))
                    .toList();
            return moving.isEmpty() ? Uni.createFrom().item(0) : move(moving, toOwnerId, toTeam, changedBy);
        });
    }

    private Uni<Integer> move(List<Opportunity> moving, String toOwnerId, String toTeam, String changedBy) {
        Instant now = clock.instant();
        List<List<String>> changedFields = new ArrayList<>();
        List<Owner> previous = new ArrayList<>();
        for (Opportunity o : moving) {
            previous.add(new Owner(o.ownerId, o.ownerTeam));
            changedFields.add(changedOwnerFields(o, toTeam));
            o.ownerId = toOwnerId;
            o.ownerTeam = toTeam;
            o.updatedAt = now;
        }
        // The flush bumps each version, which the history rows and the events then carry.
        Uni<Void> chain = Panache.getSession().chain(session -> session.flush());
        for (int i = 0; i < moving.size(); i++) {
            Opportunity o = moving.get(i);
            List<String> fields = changedFields.get(i);
            Owner before = previous.get(i);
            chain = chain
                    .chain(() -> record(o, fields, before, changedBy, now))
                    .chain(() -> outbox.append(OpportunityEvents.updated(o, fields, changedBy, now)));
        }
        return chain.replaceWith(moving.size());
    }

    private Uni<Void> record(Opportunity o, List<String> fields, Owner before, String by, Instant at) {
        List<OpportunityFieldChange> rows = new ArrayList<>();
        if (!Objects.equals(before.id(), o.ownerId)) {
            rows.add(OpportunityFieldChange.of(o, OWNER_ID, before.id(), o.ownerId, by, at));
        }
        if (!Objects.equals(before.team(), o.ownerTeam)) {
            rows.add(OpportunityFieldChange.of(o, OWNER_TEAM, before.team(), o.ownerTeam, by, at));
        }
        return fieldChanges.persist(rows);
    }

    /** Who held a deal before the move. */
    private record Owner(String id, String team) {
    }

    /** "ownerId" always goes out, as the event contract promises for every owner move; "ownerTeam" when it changed. */
    private static List<String> changedOwnerFields(Opportunity o, String toTeam) {
        return Objects.equals(o.ownerTeam, toTeam) ? List.of(OWNER_ID) : List.of(OWNER_ID, OWNER_TEAM);
    }
}
