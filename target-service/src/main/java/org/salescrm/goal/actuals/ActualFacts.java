package org.salescrm.goal.actuals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.events.customer.PaymentReceived;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;
import org.salescrm.platform.database.NativeQueries;
import org.salescrm.platform.inbox.BatchEffect;

/**
 * Turns consumed events into facts: one row per source record (opportunity, customer, visit) and
 * metric, carrying the rep, their team, the product line, the customer and the business day it
 * counts on. Any period of any scope is then a sum over days. Runs inside the inbox's transaction;
 * the row key and the aggregate version also make a replayed or stale event change nothing.
 */
@ApplicationScoped
public class ActualFacts {

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final String WON = "WON";
    /** A fact no goal counts directly: the lost side of the conversion rate. */
    static final String LOST_DEALS = "LOST_DEALS";

    private final RepTeams repTeams;
    private final ZoneId businessZone;

    public ActualFacts(RepTeams repTeams, Clock clock) {
        this.repTeams = repTeams;
        this.businessZone = clock.getZone();
    }

    public Uni<Void> apply(DomainEvent event) {
        return applyAll(List.of(event));
    }

    /**
     * Ends as applying the events one by one in their order would, with the facts of all their visits written by
     * one statement; the other events touch other rows, so they follow in their order. The reps' teams last: those
     * rows are shared with the other topics' batches, and what a batch locks stays locked until it commits.
     */
    public Uni<Void> applyAll(List<DomainEvent> events) {
        List<DomainEvent> others = events.stream().filter(event -> !isVisit(event)).toList();
        return write(visitFacts(events))
                .chain(() -> BatchEffect.eachInTurn(this::effectOf).apply(others))
                .chain(() -> repTeams.remember(events));
    }

    private Uni<Void> effectOf(DomainEvent event) {
        if (event instanceof OpportunityWon won) {
            return won(won);
        }
        if (event instanceof OpportunityStageChanged moved && WON.equals(moved.fromStage())
                && !WON.equals(moved.toStage())) {
            return unwon(moved);
        }
        if (event instanceof OpportunityLost lost) {
            Uni<Void> lostDeal = lost.ownerId() == null ? Uni.createFrom().voidItem()
                    : write(List.of(fact(lost.aggregateId(), LOST_DEALS, lost, lost.productLine(), lost.customerId(),
                            lost.aggregateId(), dayOf(lost.occurredAt()), ONE)));
            return WON.equals(lost.stage()) ? unwon(lost).chain(() -> lostDeal) : lostDeal;
        }
        if (event instanceof PaymentReceived payment) {
            return collected(payment);
        }
        if (event instanceof CustomerCreated created) {
            return created(created);
        }
        return Uni.createFrom().voidItem();
    }

    /** Revenue and one won deal on the day it was won, whenever the event arrives. */
    private Uni<Void> won(OpportunityWon won) {
        if (won.ownerId() == null) {
            return Uni.createFrom().voidItem();
        }
        LocalDate day = won.wonOn() != null ? won.wonOn() : dayOf(won.occurredAt());
        BigDecimal amount = won.amount() == null ? BigDecimal.ZERO : won.amount();
        return write(List.of(
                fact(won.aggregateId(), Metric.REVENUE.name(), won, won.productLine(), won.customerId(),
                        won.aggregateId(), day, amount),
                fact(won.aggregateId(), Metric.WON_DEALS.name(), won, won.productLine(), won.customerId(),
                        won.aggregateId(), day, ONE)));
    }

    /**
     * A won deal moved back out of WON no longer counts; the rows stay (at zero) so that an older
     * event arriving late cannot bring it back. Won again, its newer OpportunityWon counts it anew.
     */
    private Uni<Void> unwon(DomainEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        UPDATE actual_fact SET amount = 0, aggregate_version = ?2
                        WHERE source_id = ?1 AND metric IN ('REVENUE', 'WON_DEALS') AND aggregate_version < ?2""")
                .setParameter(1, event.aggregateId())
                .setParameter(2, event.aggregateVersion())
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Money collected (回款) on the day it came in; one row per payment, so several payments on
     * one contract each count. The deal's product line is not on the payment, so it counts for no product.
     */
    private Uni<Void> collected(PaymentReceived payment) {
        if (payment.ownerId() == null || payment.amount() == null) {
            return Uni.createFrom().voidItem();
        }
        UUID source = payment.paymentId() != null ? payment.paymentId() : payment.eventId();
        LocalDate day = payment.receivedOn() != null ? payment.receivedOn() : dayOf(payment.occurredAt());
        return write(List.of(fact(source, Metric.COLLECTED.name(), payment, null, payment.customerId(),
                payment.opportunityId(), day, payment.amount())));
    }

    /** A customer created straight into the public pool is nobody's new customer. */
    private Uni<Void> created(CustomerCreated created) {
        if (created.ownerId() == null) {
            return Uni.createFrom().voidItem();
        }
        return write(List.of(fact(created.aggregateId(), Metric.NEW_CUSTOMERS.name(), created, null,
                created.aggregateId(), null, dayOf(created.occurredAt()), ONE)));
    }

    private static boolean isVisit(DomainEvent event) {
        return event instanceof VisitLogged || event instanceof VisitCorrected;
    }

    /**
     * The facts of each visit with an owner, from its newest event here: a VisitLogged and its VisitCorrected may
     * share a batch, and one statement may not write a row twice. Of two events of one version the first is kept,
     * as the second would not overwrite it.
     */
    private List<Fact> visitFacts(List<DomainEvent> events) {
        Map<UUID, DomainEvent> newest = new LinkedHashMap<>();
        for (DomainEvent event : events) {
            if (isVisit(event) && event.ownerId() != null) {
                newest.merge(event.aggregateId(), event,
                        (held, next) -> next.aggregateVersion() > held.aggregateVersion() ? next : held);
            }
        }
        List<Fact> facts = new ArrayList<>();
        for (DomainEvent event : newest.values()) {
            if (event instanceof VisitCorrected corrected) {
                Instant at = corrected.visitOccurredAt() != null ? corrected.visitOccurredAt() : corrected.occurredAt();
                facts.addAll(visit(corrected, corrected.customerId(), at, corrected.effective()));
            } else {
                VisitLogged logged = (VisitLogged) event;
                facts.addAll(visit(logged, logged.customerId(), logged.occurredAt(), logged.effective()));
            }
        }
        return facts;
    }

    /** A logged or corrected visit: the correction may move its day or flip whether it was effective. */
    private List<Fact> visit(DomainEvent event, UUID customerId, Instant at, boolean effective) {
        LocalDate day = dayOf(at);
        return List.of(fact(event.aggregateId(), Metric.VISITS.name(), event, null, customerId, null, day, ONE),
                fact(event.aggregateId(), Metric.EFFECTIVE_VISITS.name(), event, null, customerId, null, day,
                        effective ? ONE : BigDecimal.ZERO));
    }

    private LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, businessZone);
    }

    /** @param opportunityId the deal the fact belongs to (so an archived deal's facts leave the sums), else null */
    private static Fact fact(UUID sourceId, String metric, DomainEvent event, String productLine, UUID customerId,
                             UUID opportunityId, LocalDate day, BigDecimal amount) {
        return new Fact(sourceId, metric, event.ownerId(), event.ownerTeam(), productLine, customerId, day, amount,
                event.aggregateVersion(), opportunityId);
    }

    /**
     * Inserts the facts, each overwriting its row only when newer than what made it, with one statement however
     * many they are. They must be of distinct rows: PostgreSQL refuses to update a row twice in one statement.
     */
    private Uni<Void> write(List<Fact> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> NativeQueries.update(session, """
                        INSERT INTO actual_fact (source_id, metric, rep_id, team, product_line, customer_id, day,
                                                 amount, aggregate_version, opportunity_id)
                        SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]),
                                CAST(?3 AS text[]), CAST(?4 AS text[]),
                                CAST(?5 AS text[]), CAST(?6 AS uuid[]),
                                CAST(?7 AS date[]), CAST(?8 AS numeric[]),
                                CAST(?9 AS bigint[]), CAST(?10 AS uuid[]))
                        ON CONFLICT (source_id, metric) DO UPDATE SET
                            rep_id = excluded.rep_id, team = excluded.team, product_line = excluded.product_line,
                            customer_id = excluded.customer_id, day = excluded.day, amount = excluded.amount,
                            aggregate_version = excluded.aggregate_version, opportunity_id = excluded.opportunity_id
                        WHERE actual_fact.aggregate_version < excluded.aggregate_version""",
                        NativeQueries.array(facts, UUID.class, Fact::sourceId),
                        NativeQueries.array(facts, String.class, Fact::metric),
                        NativeQueries.array(facts, String.class, Fact::repId),
                        NativeQueries.array(facts, String.class, Fact::team),
                        NativeQueries.array(facts, String.class, Fact::productLine),
                        NativeQueries.array(facts, UUID.class, Fact::customerId),
                        NativeQueries.array(facts, LocalDate.class, Fact::day),
                        NativeQueries.array(facts, BigDecimal.class, Fact::amount),
                        NativeQueries.array(facts, Long.class, Fact::version),
                        NativeQueries.array(facts, UUID.class, Fact::opportunityId)))
                .replaceWithVoid();
    }

    /** One row of actual_fact. */
    private record Fact(UUID sourceId, String metric, String repId, String team, String productLine, UUID customerId,
                        LocalDate day, BigDecimal amount, long version, UUID opportunityId) {
    }
}
