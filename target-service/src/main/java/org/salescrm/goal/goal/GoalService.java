package org.salescrm.goal.goal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.salescrm.platform.database.DatabaseFailures;
import org.salescrm.platform.idempotency.Created;
import org.salescrm.platform.idempotency.IdempotencyKeys;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;
import org.salescrm.goal.actuals.RepTeams;
import org.salescrm.goal.organisation.OrganisationService;
import org.salescrm.platform.time.Period;

@ApplicationScoped
public class GoalService {

    /** The one scope id of COMPANY goals, so that a company has one goal per period and metric. */
    static final String COMPANY_ID = "company";

    private final GoalRepository goals;
    private final RepTeams repTeams;
    private final OrganisationService organisation;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public GoalService(GoalRepository goals, RepTeams repTeams, OrganisationService organisation, Outbox outbox,
                       IdempotencyKeys idempotencyKeys, Clock clock) {
        this.goals = goals;
        this.idempotencyKeys = idempotencyKeys;
        this.repTeams = repTeams;
        this.organisation = organisation;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Sets a goal. The read finds the usual duplicate; the unique index catches one set by a
     * concurrent request, which then answers the same 409. A retry with the first request's
     * Idempotency-Key gets the goal that request set.
     */
    public Uni<Created<GoalView>> create(GoalRequest request, Caller caller, String idempotencyKey) {
        Period period = Period.parse(request.period(), "period");
        String scopeId = scopeIdOf(request.scope());
        if (request.metric().isRate() && request.target().compareTo(BigDecimal.ONE) > 0) {
            throw rule("target", "DecimalMax", "a rate is a ratio: at most 1 (100%)", "goal-rate-target",
                    request.metric());
        }
        return Panache.withTransaction(() -> insert(request, period, scopeId, caller, idempotencyKey))
                .onFailure(DatabaseFailures::isUniqueViolation)
                .recoverWithUni(() -> Panache.withSession(() -> goals
                        .findSameScope(period.code(), request.metric(), request.scope().level(), scopeId)
                        .onItem().ifNotNull().transformToUni(GoalService::<Created<GoalView>>duplicate)
                        .onItem().ifNull().failWith(() -> new IllegalStateException("unique index hit, no goal"))));
    }

    private Uni<Created<GoalView>> insert(GoalRequest request, Period period, String scopeId, Caller caller,
                                          String idempotencyKey) {
        Uni<Goal> parent = request.parentId() == null ? Uni.createFrom().nullItem()
                : goals.findVisible(request.parentId(), visibility(caller))
                        .onItem().ifNull().failWith(() -> rule("parentId", "exists", "must be a goal you can see",
                                "goal-parent-missing", request.parentId()));
        return parent.chain(p -> checkAgainstParent(request, period, p)
                .chain(() -> teamOf(request, scopeId, p, caller))
                .chain(team -> {
                    authorize(request.scope().level(), team, caller);
                    Goal goal = newGoal(request, period, scopeId, team, caller);
                    if (idempotencyKey == null) {
                        return insertNew(goal).map(Created::fresh);
                    }
                    return idempotencyKeys.claim(caller.id(), idempotencyKey, "goal", goal.id)
                            .chain(owner -> owner.equals(goal.id) ? insertNew(goal).map(Created::fresh)
                                    : findGoal(owner, caller).chain(this::withChildren).map(Created::replay));
                }));
    }

    private Uni<GoalView> insertNew(Goal goal) {
        return goals.findSameScope(goal.period, goal.metric, goal.scopeLevel, goal.scopeId)
                .onItem().ifNotNull().transformToUni(GoalService::<Goal>duplicate)
                .chain(() -> goals.persistAndFlush(goal))
                .call(saved -> outbox.append(GoalEvents.set(saved)))
                .map(saved -> GoalView.of(saved, GoalRepository.Children.NONE));
    }

    private static Uni<Void> checkAgainstParent(GoalRequest request, Period period, Goal parent) {
        if (parent == null) {
            return Uni.createFrom().voidItem();
        }
        if (parent.metric != request.metric()) {
            return Uni.createFrom().failure(rule("metric", "same-as-parent", "must be the parent goal's metric",
                    "goal-parent-metric", parent.metric));
        }
        if (!Period.parse(parent.period, "period").contains(period)) {
            return Uni.createFrom().failure(rule("period", "within-parent", "must lie inside the parent goal's period",
                    "goal-parent-period", parent.period));
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * The team a goal belongs to. A rep's team comes from the events this service consumed; when
     * none mentioned the rep yet, from {@code scope.team}, the parent goal's team, or the setting
     * manager's own team, in that order (for an admin it may stay unknown). A request that
     * contradicts the known team is refused.
     */
    private Uni<String> teamOf(GoalRequest request, String scopeId, Goal parent, Caller caller) {
        GoalRequest.Scope scope = request.scope();
        String parentTeam = parent == null ? null : parent.ownerTeam;
        String managerTeam = caller.isManager() && !caller.isAdmin() ? caller.team() : null;
        return switch (scope.level()) {
            case COMPANY, REGION -> Uni.createFrom().nullItem();
            case TEAM -> Uni.createFrom().item(scopeId);
            case PRODUCT -> Uni.createFrom().item(firstOf(scope.team(), parentTeam, managerTeam));
            case REP -> repTeams.teamOf(scopeId).map(known -> {
                if (known != null && scope.team() != null && !known.equals(scope.team())) {
                    throw rule("scope.team", "rep-team", "must be the rep's team", "goal-rep-team", scopeId,
                            known);
                }
                String team = firstOf(known, scope.team(), parentTeam, managerTeam);
                if (team == null && caller.isAdmin()) {
                    // API.md's scope is level and id only: an admin may set a goal for a rep no event has
                    // mentioned yet; the team is filled in when the rep's first event arrives (RepTeams)
                    return null;
                }
                if (team == null) {
                    throw rule("scope.team", "NotBlank", "must name the rep's team", "goal-rep-team-unknown",
                            scopeId);
                }
                return team;
            });
        };
    }

    /** An admin sets goals anywhere; a manager only for their teams, their reps and their product lines. */
    private static void authorize(ScopeLevel level, String team, Caller caller) {
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.isManager()) {
            throw Problems.forbidden("forbidden");
        }
        if (level == ScopeLevel.COMPANY || level == ScopeLevel.REGION) {
            throw Problems.forbidden("goal-above-team", level);
        }
        if (team == null || !caller.visibleTeams().contains(team)) {
            throw Problems.forbidden("goal-outside-team", team == null ? "?" : team);
        }
    }

    @WithSession
    public Uni<GoalView> find(UUID id, Caller caller) {
        return findGoal(id, caller).chain(this::withChildren);
    }

    /** The goal entity if the caller may see it, else a 404. Needs an open session. */
    public Uni<Goal> findGoal(UUID id, Caller caller) {
        return goals.findVisible(id, visibility(caller))
                .onItem().ifNull().failWith(() -> Problems.notFound("goal", id));
    }

    @WithSession
    public Uni<Page<GoalView>> list(GoalFilter filter, PageRequest page, Caller caller) {
        return goals.list(filter, page, visibility(caller)).chain(rows -> goals
                .childrenTotals(rows.stream().map(g -> g.id).toList())
                .map(totals -> Page.of(rows, page, GoalRepository::cursorOf,
                        g -> GoalView.of(g, totals.getOrDefault(g.id, GoalRepository.Children.NONE)))));
    }

    /** The assignee signs the goal (目标责任书); signing again changes nothing. */
    @WithTransaction
    public Uni<GoalView> acknowledge(UUID id, Caller caller) {
        return findGoal(id, caller).chain(goal -> isAssignee(goal, caller).chain(assignee -> {
            if (!assignee) {
                return Uni.createFrom().failure(Problems.forbidden("goal-not-assignee"));
            }
            if (goal.acknowledgedAt != null) {
                return withChildren(goal);
            }
            Instant now = clock.instant();
            goal.acknowledgedAt = now;
            goal.acknowledgedBy = caller.id();
            goal.updatedAt = now;
            return goals.persistAndFlush(goal)
                    .call(saved -> outbox.append(GoalEvents.acknowledged(saved)))
                    .chain(this::withChildren);
        }));
    }

    /**
     * The rep for a REP goal; the team's manager for a TEAM goal or a team's product goal; the
     * region's head, or a manager of every team of the region, for a REGION goal (the organisation
     * as it stands today); an admin for the company's goals.
     */
    private Uni<Boolean> isAssignee(Goal goal, Caller caller) {
        return switch (goal.scopeLevel) {
            case REP -> Uni.createFrom().item(caller.id().equals(goal.scopeId));
            case TEAM -> Uni.createFrom().item(caller.isManager() && caller.visibleTeams().contains(goal.scopeId));
            case PRODUCT -> Uni.createFrom().item(goal.ownerTeam == null ? caller.isAdmin()
                    : caller.isManager() && caller.visibleTeams().contains(goal.ownerTeam));
            case REGION -> caller.isAdmin() ? Uni.createFrom().item(true)
                    : organisation.regionAsOf(goal.scopeId, today()).map(region -> region != null
                            && (caller.id().equals(region.headId()) || caller.isManager() && !region.teams().isEmpty()
                                    && caller.visibleTeams().containsAll(region.teams())));
            case COMPANY -> Uni.createFrom().item(caller.isAdmin());
        };
    }

    private Uni<GoalView> withChildren(Goal goal) {
        return goals.childrenTotals(List.of(goal.id))
                .map(totals -> GoalView.of(goal, totals.getOrDefault(goal.id, GoalRepository.Children.NONE)));
    }

    public Visibility visibility(Caller caller) {
        return GoalVisibility.of(caller, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Goal newGoal(GoalRequest request, Period period, String scopeId, String team, Caller caller) {
        Instant now = clock.instant();
        Goal g = new Goal();
        g.id = UUID.randomUUID();
        g.period = period.code();
        g.metric = request.metric();
        g.scopeLevel = request.scope().level();
        g.scopeId = scopeId;
        g.target = request.target();
        g.parentId = request.parentId();
        g.ownerId = g.scopeLevel == ScopeLevel.REP ? scopeId : null;
        g.ownerTeam = team;
        g.createdBy = caller.id();
        g.stampCreated(now);
        return g;
    }

    private static String scopeIdOf(GoalRequest.Scope scope) {
        if (scope.level() == ScopeLevel.COMPANY) {
            return COMPANY_ID;
        }
        if (scope.id() == null || scope.id().isBlank()) {
            throw rule("scope.id", "NotBlank", "must not be blank", "goal-scope-id", scope.level());
        }
        return scope.id().strip();
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    static ProblemException rule(String field, String rule, String message, String detailKey, Object... args) {
        return Problems.ruleViolated("goal-rule", List.of(new FieldViolation(field, rule, message)), detailKey, args);
    }

    private static <T> Uni<T> duplicate(Goal existing) {
        return Uni.createFrom().failure(Problems.conflict("duplicate-goal", "duplicate-goal", existing.period,
                existing.metric, existing.scopeLevel, existing.scopeId).with("existingGoalId", existing.id));
    }
}
