package org.salescrm.customer.competitor;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salescrm.customer.opportunity.Opportunity;
import org.salescrm.customer.opportunity.OpportunityRepository;
import org.salescrm.customer.opportunity.OpportunityStatus;
import org.salescrm.platform.database.DatabaseFailures;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Visibility;

/** Competitors per deal, and wins and losses by competitor. Whoever sees a deal sees and edits its competitors. */
@ApplicationScoped
public class CompetitorService {

    static final String RESOURCE = "competitor";

    /** A closed deal in the report: live, at a live customer, within the caller's reach and the filters. */
    private static final String CLOSED_DEAL = "o.status = :status and o.deletedAt is null"
            + " and o.customerId in (select cu.id from Customer cu where cu.deletedAt is null)";

    private final OpportunityCompetitorRepository competitors;
    private final OpportunityRepository opportunities;
    private final Clock clock;
    private final ZoneId zone;

    public CompetitorService(OpportunityCompetitorRepository competitors, OpportunityRepository opportunities,
                             Clock clock, @ConfigProperty(name = "crm.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.competitors = competitors;
        this.opportunities = opportunities;
        this.clock = clock;
        this.zone = zone;
    }

    /** Records a competitor on a deal; the same name twice on one deal is a 409 naming the first entry. */
    @WithTransaction
    public Uni<OpportunityCompetitor> add(UUID opportunityId, CompetitorRequest request, Caller caller) {
        return visible(opportunityId, caller).chain(o -> {
            OpportunityCompetitor c = newCompetitor(o, request, caller);
            return competitors.named(o.id, c.normalizedName)
                    .onItem().ifNotNull().transformToUni(CompetitorService::<Void>duplicate)
                    .chain(() -> competitors.persistAndFlush(c))
                    .onFailure(DatabaseFailures::isUniqueViolation)
                    .transform(f -> Problems.conflict("duplicate-competitor", "duplicate-competitor", c.name));
        });
    }

    @WithSession
    public Uni<List<OpportunityCompetitor>> list(UUID opportunityId, Caller caller) {
        return visible(opportunityId, caller).chain(o -> competitors.of(o.id));
    }

    /** Removes the entry; the deal's loss to a competitor ({@code lostTo}) is the deal's own and stays. */
    @WithTransaction
    public Uni<Void> remove(UUID opportunityId, UUID competitorId, Caller caller) {
        // One statement, run now: not a removal left for the flush at commit.
        return visible(opportunityId, caller)
                .chain(o -> competitors.remove(o.id, competitorId))
                .invoke(removed -> {
                    if (removed == 0) {
                        throw Problems.notFound(RESOURCE, competitorId);
                    }
                })
                .replaceWithVoid();
    }

    @WithSession
    public Uni<CompetitorReport> report(CompetitorFilter filter, Caller caller) {
        String wins = "select c.normalizedName, max(c.name), count(o.id), sum(o.amount)"
                + " from OpportunityCompetitor c, Opportunity o where c.opportunityId = o.id and ";
        String losses = "select lower(o.lostTo), max(o.lostTo), count(o.id), sum(o.amount)"
                + " from Opportunity o where o.lostTo is not null and ";
        return rows(wins, "c.normalizedName", OpportunityStatus.WON, filter, caller)
                .chain(won -> rows(losses, "lower(o.lostTo)", OpportunityStatus.LOST, filter, caller)
                        .map(lost -> new CompetitorReport(filter.from(), filter.to(), figures(won, lost))));
    }

    private Uni<List<Tally>> rows(String select, String groupBy, OpportunityStatus status, CompetitorFilter filter,
                                     Caller caller) {
        Visibility visibility = Visibility.of(caller, "o.ownerId", "o.ownerTeam");
        StringBuilder where = new StringBuilder(CLOSED_DEAL);
        Map<String, Object> params = new HashMap<>(visibility.with("status", status));
        if (filter.team() != null) {
            where.append(" and o.ownerTeam = :team");
            params.put("team", filter.team());
        }
        if (filter.ownerId() != null) {
            where.append(" and o.ownerId = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (filter.from() != null) {
            where.append(" and o.closedAt >= :from");
            params.put("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and o.closedAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        String hql = select + visibility.where(where.toString()) + " group by " + groupBy;
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Tally.class);
            params.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private static List<CompetitorReport.Figures> figures(List<Tally> won, List<Tally> lost) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal[]> amounts = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        collect(won, 0, counts, amounts, names);
        collect(lost, 1, counts, amounts, names);
        List<CompetitorReport.Figures> figures = new ArrayList<>();
        counts.forEach((key, n) -> {
            BigDecimal rate = n[0] + n[1] == 0 ? null
                    : BigDecimal.valueOf(n[0]).divide(BigDecimal.valueOf(n[0] + n[1]), 4, RoundingMode.HALF_UP);
            figures.add(new CompetitorReport.Figures(names.get(key), n[0], n[1], rate, amounts.get(key)[0],
                    amounts.get(key)[1]));
        });
        figures.sort(Comparator.comparingLong((CompetitorReport.Figures f) -> -(f.won() + f.lost()))
                .thenComparing(CompetitorReport.Figures::competitor));
        return figures;
    }

    private static void collect(List<Tally> rows, int column, Map<String, long[]> counts,
                                Map<String, BigDecimal[]> amounts, Map<String, String> names) {
        for (Tally row : rows) {
            names.putIfAbsent(row.key(), row.name());
            counts.computeIfAbsent(row.key(), k -> new long[2])[column] = row.deals();
            BigDecimal[] sums = amounts.computeIfAbsent(row.key(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[column] = row.amount() == null ? BigDecimal.ZERO : row.amount().setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** One competitor's closed deals of one kind (won against it, or lost to it): the select list of both queries. */
    record Tally(String key, String name, Long deals, BigDecimal amount) {
    }

    /** Lower-case and trimmed, inner blanks collapsed: "Oracle " and "oracle" are one competitor. */
    static String normalize(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private Uni<Opportunity> visible(UUID id, Caller caller) {
        return opportunities.findVisible(id, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("opportunity", id));
    }

    private OpportunityCompetitor newCompetitor(Opportunity o, CompetitorRequest request, Caller caller) {
        OpportunityCompetitor c = new OpportunityCompetitor();
        c.id = UUID.randomUUID();
        c.opportunityId = o.id;
        c.name = request.name().strip();
        c.normalizedName = normalize(request.name());
        c.strengths = request.strengths();
        c.weaknesses = request.weaknesses();
        c.pricePosition = request.pricePosition();
        c.createdBy = caller.id();
        c.createdAt = clock.instant();
        return c;
    }

    private static <T> Uni<T> duplicate(OpportunityCompetitor existing) {
        return Uni.createFrom().failure(Problems.conflict("duplicate-competitor", "duplicate-competitor", existing.name)
                .with("existingCompetitorId", existing.id));
    }
}
