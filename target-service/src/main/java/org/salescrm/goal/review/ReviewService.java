package org.salescrm.goal.review;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.goal.actuals.RepTeams;
import org.salescrm.goal.goal.Goal;
import org.salescrm.goal.goal.ScopeLevel;
import org.salescrm.platform.time.Period;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.database.DatabaseFailures;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

/**
 * Reviews (复盘): a manager (or an admin) opens one for a team or a rep of their teams and writes
 * the reasons for misses and the improvement actions; the reviewed rep answers.
 */
@ApplicationScoped
public class ReviewService {

    private final ReviewRepository reviews;
    private final ReviewActionRepository actions;
    private final ReviewPrefill prefill;
    private final ActionReferences references;
    private final RepTeams repTeams;
    private final Outbox outbox;
    private final Validator validator;
    private final Clock clock;

    public ReviewService(ReviewRepository reviews, ReviewActionRepository actions, ReviewPrefill prefill,
                         ActionReferences references, RepTeams repTeams, Outbox outbox, Validator validator, Clock clock) {
        this.reviews = reviews;
        this.actions = actions;
        this.prefill = prefill;
        this.references = references;
        this.repTeams = repTeams;
        this.outbox = outbox;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Opens the review of a scope and period. One per scope and period: a second is a 409 with the
     * first's id, also when two requests race (the unique index decides).
     */
    public Uni<ReviewView> create(ReviewRequest request, Caller caller) {
        Period period = Period.parse(request.period(), "period");
        ScopeLevel level = request.scope().level();
        if (level != ScopeLevel.TEAM && level != ScopeLevel.REP) {
            throw rule("scope.level", "TEAM-or-REP", "a review is of a TEAM or a REP", "review-level", level);
        }
        String scopeId = request.scope().id().strip();
        return Panache.withTransaction(() -> teamOf(request.scope(), scopeId, caller).chain(team -> {
                    authorize(team, caller);
                    return reviews.findFor(level, scopeId, period.code())
                            .onItem().ifNotNull().transformToUni(ReviewService::<Review>duplicate)
                            .chain(() -> reviews.persistAndFlush(newReview(level, scopeId, period, team, caller)));
                }))
                .onFailure(DatabaseFailures::isUniqueViolation)
                .recoverWithUni(() -> Panache.withSession(() -> reviews.findFor(level, scopeId, period.code()))
                        .chain(ReviewService::duplicate))
                .chain(saved -> Panache.withSession(() -> load(saved)))
                .chain(this::answer);
    }

    /** A REP review belongs to the rep's team as events told it, else the one sent, else the manager's own. */
    private Uni<String> teamOf(ReviewRequest.Scope scope, String scopeId, Caller caller) {
        if (scope.level() == ScopeLevel.TEAM) {
            return Uni.createFrom().item(scopeId);
        }
        return repTeams.teamOf(scopeId).map(known -> {
            if (known != null && scope.team() != null && !known.equals(scope.team())) {
                throw rule("scope.team", "rep-team", "must be the rep's team", "goal-rep-team", scopeId, known);
            }
            String team = known != null ? known : scope.team() != null ? scope.team()
                    : caller.isManager() && !caller.isAdmin() ? caller.team() : null;
            if (team == null || team.isBlank()) {
                throw rule("scope.team", "NotBlank", "must name the rep's team", "goal-rep-team-unknown", scopeId);
            }
            return team;
        });
    }

    private static void authorize(String team, Caller caller) {
        if (!caller.isAdmin() && !(caller.isManager() && caller.visibleTeams().contains(team))) {
            throw Problems.forbidden("review-outside-team", team);
        }
    }

    public Uni<ReviewView> find(UUID id, Caller caller) {
        return Panache.withSession(() -> visible(id, caller).chain(this::load)).chain(this::answer);
    }

    @WithSession
    public Uni<Page<ReviewView>> list(ReviewFilter filter, PageRequest page, Caller caller) {
        return reviews.list(filter, page, caller).map(rows -> Page.of(rows, page, ReviewRepository::cursorOf,
                r -> ReviewView.of(r, null, null, null)));
    }

    /**
     * The manager (of the review's team, or an admin) writes {@code missReasons} and
     * {@code actions}; the reviewed rep {@code repAnswer}; each only their own fields. An action
     * newly assigned as a follow-up publishes ReviewActionAssigned with the write.
     */
    public Uni<ReviewView> patch(UUID id, MergePatch<ReviewPatch> patch, long expectedVersion, Caller caller) {
        return Panache.withTransaction(() -> write(id, patch, expectedVersion, caller)).chain(this::answer);
    }

    private Uni<Loaded> write(UUID id, MergePatch<ReviewPatch> patch, long expectedVersion, Caller caller) {
        return visible(id, caller).chain(r -> {
            boolean isReviewer = caller.isAdmin() || caller.isManager() && caller.visibleTeams().contains(r.ownerTeam);
            if (ReviewPatch.touchesManagerFields(patch) && !isReviewer) {
                return Uni.createFrom().failure(Problems.forbidden("review-manager-fields"));
            }
            boolean isReviewedRep = r.scopeLevel == ScopeLevel.REP && caller.id().equals(r.scopeId);
            if (patch.has("repAnswer") && !isReviewedRep) {
                return Uni.createFrom().failure(Problems.forbidden("review-rep-field"));
            }
            IfMatch.check(expectedVersion, r.version);
            List<ActionRequest> requested = patch.has("actions") ? orEmpty(patch.values().actions()) : null;
            if (requested != null) {
                validate(requested);
            }
            boolean textChanged = !patch.changes()
                    .set("missReasons", ReviewPatch::missReasons, r.missReasons, v -> r.missReasons = v)
                    .set("repAnswer", ReviewPatch::repAnswer, r.repAnswer, v -> r.repAnswer = v)
                    .list().isEmpty();
            Uni<List<ReviewAction>> assigned = requested == null ? Uni.createFrom().item(List.of())
                    : replaceActions(r, requested, caller);
            return assigned.chain(toAssign -> {
                if (!textChanged && requested == null) {
                    return load(r);
                }
                // the review's version moves with its actions too, so If-Match covers them
                r.updatedAt = clock.instant();
                return reviews.persistAndFlush(r)
                        .call(saved -> Multi.createFrom().iterable(toAssign)
                                .onItem().transformToUniAndConcatenate(a ->
                                        outbox.append(ReviewEvents.assigned(saved, a, caller.id())))
                                .collect().last())
                        .chain(this::load);
            });
        });
    }

    /**
     * The list sent replaces the review's actions: an item with the id of one of them keeps it (its
     * follow-up and status), one without an id is new, an action left out is removed (a follow-up it
     * became stays in visit-service). Answers the actions to assign as follow-ups now.
     */
    private Uni<List<ReviewAction>> replaceActions(Review r, List<ActionRequest> requested, Caller caller) {
        return actions.of(r.id).chain(current -> {
            Map<UUID, ReviewAction> byId = new LinkedHashMap<>();
            current.forEach(a -> byId.put(a.id, a));
            requireOwnIds(requested, byId);
            return references.check(requested, byId, caller).chain(() -> replace(r, requested, byId));
        });
    }

    private static void requireOwnIds(List<ActionRequest> requested, Map<UUID, ReviewAction> current) {
        List<FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            UUID id = requested.get(i).id();
            if (id != null && !current.containsKey(id)) {
                unknown.add(new FieldViolation("actions[" + i + "].id", "exists",
                        "must be the id of one of this review's actions"));
            }
        }
        if (!unknown.isEmpty()) {
            throw Problems.ruleViolated("validation", unknown, "validation", "actions");
        }
    }

    /** {@code current} by id; what is left in it once the requested actions are matched is removed. */
    private Uni<List<ReviewAction>> replace(Review r, List<ActionRequest> requested, Map<UUID, ReviewAction> current) {
        Instant now = clock.instant();
        List<ReviewAction> toAssign = new ArrayList<>();
        List<ReviewAction> kept = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ActionRequest req = requested.get(i);
            ReviewAction a = req.id() != null ? current.remove(req.id()) : newAction(r, now);
            apply(a, req, i, now);
            if (!a.asFollowUp && Boolean.TRUE.equals(req.asFollowUp())) {
                a.asFollowUp = true;
                toAssign.add(a);
            }
            kept.add(a);
        }
        return Multi.createFrom().iterable(current.values())
                .onItem().transformToUniAndConcatenate(actions::delete)
                .collect().last()
                .chain(() -> actions.persist(kept))
                .chain(() -> actions.flush())
                .replaceWith(toAssign);
    }

    /** A follow-up keeps the customer it was made for; an action that is no follow-up is marked done by hand. */
    private static void apply(ReviewAction a, ActionRequest req, int position, Instant now) {
        a.position = position;
        a.action = req.action().strip();
        a.ownerId = req.ownerId().strip();
        a.dueOn = req.dueOn();
        if (!a.asFollowUp) {
            a.customerId = req.customerId();
            a.opportunityId = req.opportunityId();
            if (req.done() != null) {
                boolean done = req.done();
                if (done && !ReviewAction.DONE.equals(a.status)) {
                    a.doneAt = now;
                }
                a.status = done ? ReviewAction.DONE : ReviewAction.OPEN;
                a.doneAt = done ? a.doneAt : null;
            }
        }
    }

    /**
     * Each action's own rules, named {@code actions[i].field}: merge-patch validation does not go
     * into list items. A follow-up needs the customer it is about (visit-service keeps follow-ups
     * per customer), and a due date not yet past.
     */
    private void validate(List<ActionRequest> requested) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < requested.size(); i++) {
            ActionRequest req = requested.get(i);
            String prefix = "actions[" + i + "]";
            if (req == null) {
                violations.add(new FieldViolation(prefix, "NotNull", "must be an action"));
                continue;
            }
            for (ConstraintViolation<ActionRequest> v : validator.validate(req)) {
                violations.add(new FieldViolation(prefix + "." + v.getPropertyPath(),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()));
            }
            if (Boolean.TRUE.equals(req.asFollowUp()) && req.customerId() == null) {
                violations.add(new FieldViolation(prefix + ".customerId", "NotNull",
                        "an action assigned as a follow-up names its customer"));
            }
            if (Boolean.TRUE.equals(req.asFollowUp()) && req.dueOn() != null && req.dueOn().isBefore(today)) {
                violations.add(new FieldViolation(prefix + ".dueOn", "FutureOrPresent",
                        "a follow-up may not be due before today"));
            }
        }
        if (!violations.isEmpty()) {
            String named = String.join(", ", violations.stream().map(FieldViolation::field).distinct().toList());
            throw Problems.ruleViolated("validation", violations, "validation", named);
        }
    }

    /** A follow-up made from an action was completed in visit-service: the action is done. Inside the inbox's transaction. */
    public Uni<Void> followUpCompleted(UUID followUpId, Instant at, String result) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        UPDATE review_action SET status = 'DONE', done_at = ?2, result = ?3
                        WHERE id = ?1 AND as_follow_up AND status <> 'DONE'""")
                .setParameter(1, followUpId)
                .setParameter(2, at)
                .setParameter(3, result)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** What a review's answer needs from the database session: the review, its actions, the previous review's, its goals. */
    private record Loaded(Review review, List<ReviewAction> actions, ReviewView.Previous previous, List<Goal> goals) {
    }

    /** Needs an open session. */
    private Uni<Loaded> load(Review r) {
        LocalDate today = LocalDate.now(clock);
        String previousPeriod = Period.parse(r.period, "period").previous().code();
        return actions.of(r.id).chain(own -> reviews.findFor(r.scopeLevel, r.scopeId, previousPeriod)
                .chain(before -> before == null ? Uni.createFrom().<ReviewView.Previous>nullItem()
                        : actions.of(before.id).map(theirs -> new ReviewView.Previous(before.id, before.period,
                                theirs.stream().map(a -> ActionView.of(a, today)).toList())))
                .chain(previous -> prefill.goalsOf(r).map(goals -> new Loaded(r, own, previous, goals))));
    }

    /**
     * The review with its figures, computed after the session is closed: the figures' queries take
     * their own pooled connections, and a request holding one while waiting for another could, under
     * load, leave the pool with none to give.
     */
    private Uni<ReviewView> answer(Loaded loaded) {
        LocalDate today = LocalDate.now(clock);
        return prefill.of(loaded.review(), loaded.goals()).map(figures -> ReviewView.of(loaded.review(),
                loaded.actions().stream().map(a -> ActionView.of(a, today)).toList(), loaded.previous(), figures));
    }

    private Uni<Review> visible(UUID id, Caller caller) {
        return reviews.findVisible(id, caller).onItem().ifNull().failWith(() -> Problems.notFound("review", id));
    }

    private Review newReview(ScopeLevel level, String scopeId, Period period, String team, Caller caller) {
        Instant now = clock.instant();
        Review r = new Review();
        r.id = UUID.randomUUID();
        r.scopeLevel = level;
        r.scopeId = scopeId;
        r.period = period.code();
        r.ownerId = level == ScopeLevel.REP ? scopeId : null;
        r.ownerTeam = team;
        r.createdBy = caller.id();
        r.stampCreated(now);
        return r;
    }

    private static ReviewAction newAction(Review r, Instant now) {
        ReviewAction a = new ReviewAction();
        a.id = UUID.randomUUID();
        a.reviewId = r.id;
        a.status = ReviewAction.OPEN;
        a.createdAt = now;
        return a;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static ProblemException rule(String field, String rule, String message, String detailKey, Object... args) {
        return Problems.ruleViolated("review-rule", List.of(new FieldViolation(field, rule, message)), detailKey,
                args);
    }

    private static <T> Uni<T> duplicate(Review existing) {
        return Uni.createFrom().failure(Problems.conflict("duplicate-review", "duplicate-review", existing.scopeLevel,
                existing.scopeId, existing.period).with("existingReviewId", existing.id));
    }
}
