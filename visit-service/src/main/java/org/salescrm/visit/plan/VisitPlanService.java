package org.salescrm.visit.plan;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
    private final CustomerReplicaRepository customers;
    private final VisitConfig config;
    private final Clock clock;

    public VisitPlanService(VisitPlanRepository plans, CustomerReplicaRepository customers, VisitConfig config,
                            Clock clock) {
        this.plans = plans;
        this.customers = customers;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Replaces the caller's plan for the day. Every customer must be one the caller may work on
     * now; each one that is not is named by its position.
     */
    public Uni<VisitPlanView> plan(LocalDate day, VisitPlanRequest request, Caller caller) {
        List<UUID> ids = request.customerIds().stream().distinct().toList();
        return Panache.withTransaction(() -> checkWorkable(request.customerIds(), caller)
                .chain(() -> plans.findOwn(caller.id(), day))
                .chain(existing -> {
                    Instant now = clock.instant();
                    VisitPlan plan = existing != null ? existing : newPlan(day, caller, now);
                    plan.customerIds = ids;
                    plan.ownerTeam = caller.team();
                    plan.updatedAt = now;
                    return plans.persistAndFlush(plan);
                })
                .chain(this::view));
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

    /** Distinct planned customers visited (effectively) by the plan's owner on its business day. */
    private Uni<VisitPlanView> view(VisitPlan plan) {
        if (plan.customerIds.isEmpty()) {
            return Uni.createFrom().item(viewOf(plan, 0, 0));
        }
        Instant start = plan.day.atStartOfDay(clock.getZone()).toInstant();
        Instant end = plan.day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                        select count(distinct v.customerId),
                               count(distinct case when v.effective then v.customerId end)
                        from Visit v
                        where v.ownerId = :owner and v.customerId in :ids
                          and v.occurredAt >= :start and v.occurredAt < :end""", Object[].class)
                        .setParameter("owner", plan.ownerId)
                        .setParameter("ids", plan.customerIds)
                        .setParameter("start", start)
                        .setParameter("end", end)
                        .getSingleResult())
                .map(counts -> viewOf(plan, ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue()));
    }

    private VisitPlanView viewOf(VisitPlan plan, long visited, long effective) {
        return new VisitPlanView(plan.id, plan.day, plan.ownerId, plan.ownerTeam, plan.customerIds,
                plan.customerIds.size(), visited, effective, config.dailyQuota(), plan.version, plan.createdAt,
                plan.updatedAt);
    }

    private VisitPlanView emptyPlan(LocalDate day, Caller caller) {
        return new VisitPlanView(null, day, caller.id(), caller.team(), List.of(), 0, 0, 0, config.dailyQuota(), 0,
                null, null);
    }

    private static VisitPlan newPlan(LocalDate day, Caller caller, Instant now) {
        VisitPlan plan = new VisitPlan();
        plan.id = UUID.randomUUID();
        plan.ownerId = caller.id();
        plan.day = day;
        plan.createdAt = now;
        return plan;
    }
}
