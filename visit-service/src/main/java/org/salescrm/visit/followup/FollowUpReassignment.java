package org.salescrm.visit.followup;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.platform.outbox.Outbox;

/**
 * Open follow-ups follow their customer to its new owner (transfer, bulk transfer, claim), or into
 * the public pool with it (release, reclaim: no owner, no assignee until someone claims it). The
 * rep who lost the customer then neither sees nor completes them, and whoever now has to act does.
 * Done follow-ups keep who did them.
 */
@ApplicationScoped
public class FollowUpReassignment {

    private final FollowUpRepository followUps;
    private final Outbox outbox;

    public FollowUpReassignment(FollowUpRepository followUps, Outbox outbox) {
        this.followUps = followUps;
        this.outbox = outbox;
    }

    /** Runs inside the transaction that applied the owner change to the replica. */
    public Uni<Void> followCustomer(CustomerOwnerChanged change, Instant now) {
        return followUps.find("customerId = ?1 and status = ?2 order by dueOn, id", change.aggregateId(), FollowUp.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(open -> reassign(open, change, now));
    }

    private Uni<Void> reassign(List<FollowUp> open, CustomerOwnerChanged change, Instant now) {
        List<FollowUp> moving = open.stream().filter(f -> !sameOwner(f, change)).toList();
        if (moving.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> previousAssignees = moving.stream().map(f -> f.assigneeId).toList();
        List<String> previousOwners = moving.stream().map(f -> f.ownerId).toList();
        moving.forEach(f -> {
            f.assigneeId = change.ownerId();
            f.ownerId = change.ownerId();
            f.ownerTeam = change.ownerTeam();
            f.updatedAt = now;
        });
        return Panache.flush().chain(() -> Multi.createFrom().range(0, moving.size())
                .onItem().transformToUniAndConcatenate(i -> outbox.append(FollowUpEvents.reassigned(moving.get(i),
                        previousAssignees.get(i), previousOwners.get(i), change.change(), change.occurredAt())))
                .collect().last().replaceWithVoid());
    }

    private static boolean sameOwner(FollowUp f, CustomerOwnerChanged change) {
        return Objects.equals(f.assigneeId, change.ownerId())
                && Objects.equals(f.ownerId, change.ownerId())
                && Objects.equals(f.ownerTeam, change.ownerTeam());
    }
}
