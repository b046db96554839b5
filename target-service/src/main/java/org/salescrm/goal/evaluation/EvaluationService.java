package org.salescrm.goal.evaluation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.platform.concurrency.IfMatch;
import org.salescrm.platform.database.DatabaseFailures;
import org.salescrm.platform.outbox.Outbox;
import org.salescrm.platform.paging.Page;
import org.salescrm.platform.patch.MergePatch;
import org.salescrm.platform.paging.PageRequest;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;
import org.salescrm.goal.actuals.Actuals;
import org.salescrm.goal.actuals.Metric;
import org.salescrm.goal.actuals.Slice;
import org.salescrm.goal.goal.Goal;
import org.salescrm.goal.goal.GoalRepository;
import org.salescrm.goal.goal.ScopeLevel;
import org.salescrm.platform.time.Period;
import org.salescrm.goal.progress.ProgressService;

@ApplicationScoped
public class EvaluationService {

    private final EvaluationRepository evaluations;
    private final GoalRepository goals;
    private final Actuals actuals;
    private final Scoring scoring;
    private final Outbox outbox;
    private final Clock clock;

    public EvaluationService(EvaluationRepository evaluations, GoalRepository goals, Actuals actuals,
                             EvaluationConfig config, Outbox outbox, Clock clock) {
        this.evaluations = evaluations;
        this.goals = goals;
        this.actuals = actuals;
        this.scoring = Scoring.of(config);
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A rep to evaluate: their team and, if they have one, their revenue target for the period. */
    record Subject(String repId, String team, BigDecimal targetRevenue) {
    }

    /**
     * Evaluates each rep in the caller's reach (a manager's teams, for an admin everyone) who has a
     * goal in the period, one rep per transaction; a rep evaluated before is updated in place.
     */
    public Uni<EvaluationRunResult> run(Period period, Caller caller) {
        return Panache.withSession(() -> subjects(period, caller))
                .onItem().transformToMulti(subjects -> Multi.createFrom().iterable(subjects))
                .onItem().transformToUniAndConcatenate(subject -> evaluate(subject, period))
                .collect().asList()
                .map(done -> new EvaluationRunResult(done.size()));
    }

    private Uni<List<Subject>> subjects(Period period, Caller caller) {
        String where = "scopeLevel = :rep and period = :period" + (caller.isAdmin() ? "" : " and ownerTeam in :teams");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rep", ScopeLevel.REP);
        params.put("period", period.code());
        if (!caller.isAdmin()) {
            if (caller.visibleTeams().isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            params.put("teams", caller.visibleTeams());
        }
        return goals.list(where + " order by scopeId", params).map(repGoals -> {
            Map<String, Subject> byRep = new LinkedHashMap<>();
            for (Goal goal : repGoals) {
                Subject known = byRep.get(goal.scopeId);
                BigDecimal target = goal.metric == Metric.REVENUE ? goal.target
                        : known == null ? null : known.targetRevenue();
                byRep.put(goal.scopeId, new Subject(goal.scopeId, goal.ownerTeam, target));
            }
            return List.copyOf(byRep.values());
        });
    }

    private Uni<Evaluation> evaluate(Subject subject, Period period) {
        Slice rep = Slice.rep(subject.repId());
        return actuals.total(Metric.REVENUE, period, rep).chain(revenue -> actuals
                .total(Metric.NEW_CUSTOMERS, period, rep).chain(newCustomers -> actuals
                        .retentionRate(subject.repId(), period)
                        .chain(retention -> save(subject, period, revenue, newCustomers.intValue(), retention))));
    }

    private Uni<Evaluation> save(Subject subject, Period period, BigDecimal revenue, int newCustomers,
                                 BigDecimal retention) {
        BigDecimal achievement = ProgressService.ratio(revenue, subject.targetRevenue());
        BigDecimal score = scoring.score(achievement, newCustomers, retention);
        Instant now = clock.instant();
        return Panache.withTransaction(() -> evaluations.findFor(subject.repId(), period.code())
                .map(existing -> existing != null ? existing : fresh(subject, period, now))
                .chain(e -> {
                    e.ownerTeam = subject.team();
                    e.targetRevenue = subject.targetRevenue();
                    e.actualRevenue = revenue;
                    e.achievementRate = achievement;
                    e.newCustomers = newCustomers;
                    e.retentionRate = retention;
                    e.score = score;
                    e.grade = Grade.of(score);
                    e.evaluatedAt = now;
                    e.updatedAt = now;
                    return evaluations.persistAndFlush(e);
                })
                .call(saved -> outbox.append(EvaluationEvents.published(saved))))
                // two runs racing on a first evaluation: the loser finds the winner's row and updates it
                .onFailure(DatabaseFailures::isUniqueViolation).retry().atMost(1);
    }

    private static Evaluation fresh(Subject subject, Period period, Instant now) {
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.repId = subject.repId();
        e.ownerId = subject.repId();
        e.period = period.code();
        e.createdAt = now;
        return e;
    }

    @WithSession
    public Uni<Page<EvaluationView>> list(String period, String repId, PageRequest page, Caller caller) {
        return evaluations.list(period, repId, page, caller)
                .map(rows -> Page.of(rows, page, EvaluationRepository::cursorOf, EvaluationView::of));
    }

    @WithSession
    public Uni<EvaluationView> find(UUID id, Caller caller) {
        return visible(id, caller).map(EvaluationView::of);
    }

    /**
     * The review, two-way: the evaluated rep answers in {@code repFeedback}; their manager (or an
     * admin) writes the improvement plan and comment. Each only their own fields.
     */
    @WithTransaction
    public Uni<EvaluationView> review(UUID id, MergePatch<EvaluationPatch> patch, long expectedVersion,
                                      Caller caller) {
        return visible(id, caller).chain(e -> {
            boolean isRep = caller.id().equals(e.repId);
            boolean isReviewer = caller.isAdmin() || caller.isManager() && caller.visibleTeams().contains(e.ownerTeam);
            if (EvaluationPatch.touchesManagerFields(patch) && !isReviewer) {
                return Uni.createFrom().failure(Problems.forbidden("evaluation-manager-fields"));
            }
            if (patch.has("repFeedback") && !isRep) {
                return Uni.createFrom().failure(Problems.forbidden("evaluation-rep-field"));
            }
            IfMatch.check(expectedVersion, e.version);
            boolean changed = !patch.changes()
                    .set("improvementPlan", EvaluationPatch::improvementPlan, e.improvementPlan,
                            v -> e.improvementPlan = v)
                    .set("managerComment", EvaluationPatch::managerComment, e.managerComment, v -> e.managerComment = v)
                    .set("repFeedback", EvaluationPatch::repFeedback, e.repFeedback, v -> e.repFeedback = v)
                    .list().isEmpty();
            if (!changed) {
                return Uni.createFrom().item(EvaluationView.of(e));
            }
            e.updatedAt = clock.instant();
            return evaluations.persistAndFlush(e).map(EvaluationView::of);
        });
    }

    private Uni<Evaluation> visible(UUID id, Caller caller) {
        return evaluations.findVisible(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("evaluation", id));
    }
}
