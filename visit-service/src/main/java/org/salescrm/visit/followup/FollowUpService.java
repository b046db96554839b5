package org.salescrm.visit.followup;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.target.ReviewActionAssigned;
import org.salescrm.platform.idempotency.Created;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;
import org.salescrm.visit.References;
import org.salescrm.visit.customers.CustomerAccess;
import org.salescrm.visit.customers.CustomerReplica;
import org.salescrm.visit.opportunities.OpportunityLinks;

@ApplicationScoped
public class FollowUpService {

    private final FollowUpRepository followUps;
    private final CustomerAccess access;
    private final OpportunityLinks opportunities;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public FollowUpService(FollowUpRepository followUps, CustomerAccess access, OpportunityLinks opportunities,
                           Outbox outbox, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.followUps = followUps;
        this.access = access;
        this.opportunities = opportunities;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /**
     * A follow-up for a customer the caller may work on, and for one of its opportunities when it names one (open or
     * closed: a won deal still has things to do). The assignee is the caller unless given;
     * it must be the caller or the customer's current owner, so that the one who has to act can
     * always see it. A retry with the same Idempotency-Key returns the first one.
     */
    @WithTransaction
    public Uni<Created<FollowUp>> create(FollowUpRequest request, Caller caller, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        Uni<UUID> owner = idempotencyKey == null ? Uni.createFrom().item(id)
                : idempotencyKeys.claim(caller.id(), idempotencyKey, "follow-up", id);
        return owner.chain(existing -> existing.equals(id)
                ? createNew(id, request, caller).map(Created::fresh)
                : followUps.findVisible(existing, caller)
                        .onItem().ifNull().failWith(() -> Problems.notFound("follow-up", existing))
                        .map(Created::replay));
    }

    private Uni<FollowUp> createNew(UUID id, FollowUpRequest request, Caller caller) {
        LocalDate today = today();
        if (request.dueOn().isBefore(today)) {
            throw Problems.ruleViolated("validation",
                    List.of(new FieldViolation("dueOn", "FutureOrPresent", "must not be before today")),
                    "validation", "dueOn");
        }
        return access.requireWorkable(request.customerId(), caller, "customerId")
                .call(customer -> requireOpportunityOf(customer, request.opportunityId()))
                .chain(customer -> {
                    String assignee = request.assigneeId() == null ? caller.id() : request.assigneeId().strip();
                    if (!assignee.equals(caller.id()) && !assignee.equals(customer.ownerId)) {
                        throw Problems.ruleViolated("assignee-not-allowed",
                                List.of(new FieldViolation("assigneeId", "allowed",
                                        "must be you or the customer's owner")), "assignee-not-allowed", assignee);
                    }
                    FollowUp f = newFollowUp(id, customer, caller.id(), assignee, request.action().strip(),
                            request.dueOn());
                    f.opportunityId = request.opportunityId();
                    return persistAndPublish(f);
                });
    }

    private Uni<Void> requireOpportunityOf(CustomerReplica customer, UUID opportunityId) {
        return opportunities.check(customer.customerId, opportunityId, false)
                .invoke(violation -> violation.ifPresent(v -> {
                    throw References.refusal(List.of(v), "invalid-follow-up-reference");
                })).replaceWithVoid();
    }

    /** The follow-up of a visit's next action, in the visit's transaction; assigned to the customer's owner. */
    public FollowUp fromVisit(UUID visitId, CustomerReplica customer, String createdBy, UUID opportunityId,
                              String action, LocalDate dueOn) {
        FollowUp f = newFollowUp(UUID.randomUUID(), customer, createdBy, customer.ownerId, action, dueOn);
        f.visitId = visitId;
        f.opportunityId = opportunityId;
        return f;
    }

    /**
     * The follow-up a review's action was assigned as, inside the consumer's transaction. It takes
     * the action's id, so a second delivery of the assignment finds it and creates nothing. The
     * assignee is the action's owner, whom the manager chose; owner and team are the customer's as
     * this service knows them, else the review's.
     */
    public Uni<Void> fromReviewAction(ReviewActionAssigned assigned, CustomerReplica customer) {
        return followUps.findById(assigned.actionId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            FollowUp f = new FollowUp();
            f.id = assigned.actionId();
            f.customerId = assigned.customerId();
            f.opportunityId = assigned.opportunityId();
            f.assigneeId = assigned.ownerId();
            f.ownerId = customer != null ? customer.ownerId : assigned.ownerId();
            f.ownerTeam = customer != null ? customer.ownerTeam : assigned.ownerTeam();
            f.action = assigned.action();
            f.dueOn = assigned.dueOn();
            f.status = FollowUp.OPEN;
            f.createdBy = assigned.assignedBy() != null ? assigned.assignedBy() : assigned.ownerId();
            f.stampCreated(now);
            return persistAndPublish(f).replaceWithVoid();
        });
    }

    /** Must run inside the caller's transaction. */
    public Uni<FollowUp> persistAndPublish(FollowUp f) {
        return followUps.persistAndFlush(f).call(saved -> outbox.append(FollowUpEvents.created(saved)));
    }

    /** Done with a result. Completing one already done changes nothing and answers it as it is, so a retry is safe. */
    @WithTransaction
    public Uni<FollowUp> complete(UUID id, CompleteRequest request, Caller caller) {
        return followUps.findVisible(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("follow-up", id))
                .chain(f -> {
                    if (FollowUp.DONE.equals(f.status)) {
                        return Uni.createFrom().item(f);
                    }
                    Instant now = clock.instant();
                    f.status = FollowUp.DONE;
                    f.result = request.result().strip();
                    f.completedAt = now;
                    f.completedBy = caller.id();
                    f.updatedAt = now;
                    return Panache.flush().replaceWith(f)
                            .call(done -> outbox.append(FollowUpEvents.completed(done)));
                });
    }

    @WithSession
    public Uni<FollowUp> find(UUID id, Caller caller) {
        return followUps.findVisible(id, caller);
    }

    @WithSession
    public Uni<Page<FollowUpView>> list(FollowUpFilter filter, PageRequest page, Caller caller) {
        LocalDate today = today();
        return followUps.list(filter, today, page, caller)
                .map(rows -> Page.of(rows, page, FollowUpRepository::cursorOf, f -> FollowUpView.of(f, today)));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private FollowUp newFollowUp(UUID id, CustomerReplica customer, String createdBy, String assignee, String action,
                                 LocalDate dueOn) {
        Instant now = clock.instant();
        FollowUp f = new FollowUp();
        f.id = id;
        f.customerId = customer.customerId;
        f.assigneeId = assignee;
        f.ownerId = customer.ownerId;
        f.ownerTeam = customer.ownerTeam;
        f.action = action;
        f.dueOn = dueOn;
        f.status = FollowUp.OPEN;
        f.createdBy = createdBy;
        f.stampCreated(now);
        return f;
    }
}
