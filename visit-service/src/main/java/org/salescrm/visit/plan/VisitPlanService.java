package org.salescrm.visit.plan;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;
import org.salescrm.visit.customers.CustomerAccess;
import org.salescrm.visit.customers.CustomerReplica;
import org.salescrm.visit.customers.CustomerReplicaRepository;
import org.salescrm.visit.visit.VisitConfig;

@ApplicationScoped
public class VisitPlanService {

    private final VisitPlanRepository plans;
    private final VisitPlanChangeRepository changes;
    private final CustomerReplicaRepository customers;
    private final VisitConfig config;
    private final Clock clock;

    public VisitPlanService(VisitPlanRepository plans, VisitPlanChangeRepository changes,
                            CustomerReplicaRepository customers, VisitConfig config, Clock clock) {
        this.plans = plans;
        this.changes = changes;
        this.customers = customers;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Replaces a plan for the day: the caller's own, or (a manager for their team, an admin for
     * anyone) {@code ownerId}'s. Plans are written for today and later days; a day already past
     * only a manager or admin corrects, with a reason. Every customer must be one the caller may
     * work on now; each one that is not is named by its position. Every write is kept in the history.
     */
    @WithTransaction
    public Uni<VisitPlanView> plan(LocalDate day, VisitPlanRequest request, String ownerId, Caller caller) {
        boolean past = day.isBefore(LocalDate.now(clock));
        checkDay(day, past, request, caller);
        List<UUID> ids = request.customerIds().stream().distinct().toList();
        String owner = ownerId == null || ownerId.isBlank() ? caller.id() : ownerId.strip();
        return checkWorkable(request.customerIds(), caller)
                .chain(() -> plans.findOwn(owner, day))
                .chain(existing -> teamOf(owner, existing, caller).chain(team -> {
                    Instant now = clock.instant();
                    VisitPlan plan = existing != null ? existing : newPlan(day, owner, now);
                    List<UUID> before = existing == null ? List.of() : existing.customerIds;
                    plan.customerIds = ids;
                    plan.ownerTeam = team;
                    plan.updatedAt = now;
                    return plans.persistAndFlush(plan)
                            .call(saved -> changes.persist(change(saved, before, caller, past, request.reason(), now)));
                }))
                .chain(this::view);
    }

    /** A rep plans ahead only; a correction of the past is a manager's, and says why. */
    private static void checkDay(LocalDate day, boolean past, VisitPlanRequest request, Caller caller) {
        if (!past) {
            return;
        }
        if (!caller.isManager() && !caller.isAdmin()) {
            throw Problems.ruleViolated("plan-day-past",
                    List.of(new FieldViolation("date", "FutureOrPresent", "must be today or later")),
                    "plan-day-past", day);
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw Problems.ruleViolated("plan-reason-required",
                    List.of(new FieldViolation("reason", "NotBlank", "a correction of a past day needs a reason")),
                    "plan-reason-required", day);
        }
    }

    /**
     * The plan owner's team: the caller's for their own plan; for someone else's, the team their
     * existing plan or their customers carry, which must be one the caller manages (else 404, as
     * for a plan out of reach).
     */
    private Uni<String> teamOf(String owner, VisitPlan existing, Caller caller) {
        if (owner.equals(caller.id())) {
            return Uni.createFrom().item(caller.team());
        }
        Uni<String> known = existing != null ? Uni.createFrom().item(existing.ownerTeam)
                : customers.find("ownerId", owner).firstResult().map(c -> c == null ? null : c.ownerTeam);
        return known.map(team -> {
            if (!caller.isAdmin() && (team == null || !caller.canSee(owner, team))) {
                throw Problems.notFound("visit plan", owner);
            }
            return team;
        });
    }

    private static VisitPlanChange change(VisitPlan plan, List<UUID> before, Caller caller, boolean correction,
                                          String reason, Instant now) {
        VisitPlanChange c = new VisitPlanChange();
        c.id = UUID.randomUUID();
        c.planId = plan.id;
        c.planVersion = plan.version;
        c.changedAt = now;
        c.changedBy = caller.id();
        c.fromCustomerIds = before;
        c.toCustomerIds = plan.customerIds;
        c.correction = correction;
        c.reason = reason == null || reason.isBlank() ? null : reason.strip();
        return c;
    }

    /** The writes of a plan within reach, oldest first; 404 when there is none. */
    @WithSession
    public Uni<Page<VisitPlanChangeView>> history(LocalDate day, String ownerId, PageRequest page, Caller caller) {
        String owner = ownerId == null || ownerId.isBlank() ? caller.id() : ownerId.strip();
        Uni<VisitPlan> plan = owner.equals(caller.id()) ? plans.findOwn(owner, day)
                : plans.findVisible(owner, day, caller);
        return plan.onItem().ifNull().failWith(() -> Problems.notFound("visit plan", owner + "/" + day))
                .chain(found -> changes.history(found.id, page))
                .map(rows -> Page.of(rows, page, VisitPlanChangeRepository::cursorOf, VisitPlanChangeView::of));
    }

    private Uni<Void> checkWorkable(List<UUID> requested, Caller caller) {
        if (requested.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return customers.list("customerId in ?1", requested).map(found -> {
            List<FieldViolation> violations = new ArrayList<>();
            for (int i = 0; i < requested.size(); i++) {
                UUID id = requested.get(i);
                CustomerReplica customer = found.stream().filter(c -> c.customerId.equals(id)).findFirst()
                        .orElse(null);
                // Unknown and someone else's read the same, so a plan never tells that a customer exists.
                if (customer == null || !CustomerAccess.workable(customer, caller)) {
                    violations.add(new FieldViolation("customerIds[" + i + "]", "workable",
                            "not a customer you may work on, or not known to this service yet"));
                }
            }
            if (!violations.isEmpty()) {
                throw Problems.ruleViolated("validation", violations, "validation",
                        String.join(", ", violations.stream().map(FieldViolation::field).toList()));
            }
            return null;
        }).replaceWithVoid();
    }

    /**
     * The plan of {@code ownerId} (the caller when null). A rep reads only their own; a manager
     * their teams' members', an admin anyone's. The caller's own unplanned day reads as an empty
     * plan; another's unplanned (or unreachable) day is a 404.
     */
    @WithSession
    public Uni<VisitPlanView> read(LocalDate day, String ownerId, Caller caller) {
        String owner = ownerId == null || ownerId.isBlank() ? caller.id() : ownerId.strip();
        if (owner.equals(caller.id())) {
            return plans.findOwn(owner, day).chain(plan -> plan != null ? view(plan)
                    : Uni.createFrom().item(emptyPlan(day, caller)));
        }
        return plans.findVisible(owner, day, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("visit plan", owner + "/" + day))
                .chain(this::view);
    }

    /**
     * Distinct planned customers visited (effectively) by the plan's owner on its business day. An
     * archived customer is left out of the plan as shown (and its counts) until it is restored; the
     * plan as written and its history keep it.
     */
    private Uni<VisitPlanView> view(VisitPlan plan) {
        if (plan.customerIds.isEmpty()) {
            return Uni.createFrom().item(viewOf(plan, plan.customerIds, 0, 0));
        }
        return customers.list("customerId in ?1 and archived = true", plan.customerIds).chain(archived -> {
            Set<UUID> gone = archived.stream().map(c -> c.customerId).collect(Collectors.toSet());
            List<UUID> shown = plan.customerIds.stream().filter(id -> !gone.contains(id)).toList();
            return shown.isEmpty() ? Uni.createFrom().item(viewOf(plan, shown, 0, 0)) : counted(plan, shown);
        });
    }

    private Uni<VisitPlanView> counted(VisitPlan plan, List<UUID> shown) {
        Instant start = plan.day.atStartOfDay(clock.getZone()).toInstant();
        Instant end = plan.day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                        select count(distinct v.customerId),
                               count(distinct case when v.effective then v.customerId end)
                        from Visit v
                        where v.ownerId = :owner and v.customerId in :ids
                          and v.occurredAt >= :start and v.occurredAt < :end""", Visited.class)
                        .setParameter("owner", plan.ownerId)
                        .setParameter("ids", shown)
                        .setParameter("start", start)
                        .setParameter("end", end)
                        .getSingleResult())
                .map(visited -> viewOf(plan, shown, visited.customers(), visited.effectively()));
    }

    /** How many planned customers were visited, and how many of them effectively. */
    private record Visited(Long customers, Long effectively) {
    }

    private VisitPlanView viewOf(VisitPlan plan, List<UUID> shown, long visited, long effective) {
        return new VisitPlanView(plan.id, plan.day, plan.ownerId, plan.ownerTeam, shown, shown.size(), visited,
                effective, config.dailyQuota(), plan.version, plan.createdAt, plan.updatedAt);
    }

    private VisitPlanView emptyPlan(LocalDate day, Caller caller) {
        return new VisitPlanView(null, day, caller.id(), caller.team(), List.of(), 0, 0, 0, config.dailyQuota(), 0,
                null, null);
    }

    private static VisitPlan newPlan(LocalDate day, String owner, Instant now) {
        VisitPlan plan = new VisitPlan();
        plan.id = UUID.randomUUID();
        plan.ownerId = owner;
        plan.day = day;
        plan.createdAt = now;
        return plan;
    }
}
