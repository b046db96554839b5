package org.salescrm.goal.actuals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.events.customer.PaymentReceived;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;

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
        return repTeams.remember(event.ownerId(), event.ownerTeam(), event.occurredAt()).chain(() -> effectOf(event));
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
            Uni<Void> lostDeal = lost.ownerId() == null ? Uni.createFrom().voidItem() : upsert(lost.aggregateId(), LOST_DEALS, lost, lost.productLine(), lost.customerId(),
                    lost.aggregateId(), dayOf(lost.occurredAt()), ONE);
            return WON.equals(lost.stage()) ? unwon(lost).chain(() -> lostDeal) : lostDeal;
        }
        if (event instanceof PaymentReceived payment) {
            return collected(payment);
        }
        if (event instanceof CustomerCreated created) {
            return created(created);
        }
        if (event instanceof VisitLogged logged) {
            return visit(logged.aggregateId(), logged, logged.customerId(), logged.occurredAt(), logged.effective());
        }
        if (event instanceof VisitCorrected corrected) {
            Instant at = corrected.visitOccurredAt() != null ? corrected.visitOccurredAt() : corrected.occurredAt();
            return visit(corrected.aggregateId(), corrected, corrected.customerId(), at, corrected.effective());
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
        return upsert(won.aggregateId(), Metric.REVENUE.name(), won, won.productLine(), won.customerId(),
                        won.aggregateId(), day, amount)
                .chain(() -> upsert(won.aggregateId(), Metric.WON_DEALS.name(), won, won.productLine(), won.customerId(),
                        won.aggregateId(), day, ONE));
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
        return upsert(source, Metric.COLLECTED.name(), payment, null, payment.customerId(), payment.opportunityId(), day,
                payment.amount());
    }

    /** A customer created straight into the public pool is nobody's new customer. */
    private Uni<Void> created(CustomerCreated created) {
        if (created.ownerId() == null) {
            return Uni.createFrom().voidItem();
        }
        return upsert(created.aggregateId(), Metric.NEW_CUSTOMERS.name(), created, null, created.aggregateId(), null,
                dayOf(created.occurredAt()), ONE);
    }

    /** A logged or corrected visit: the correction may move its day or flip whether it was effective. */
    private Uni<Void> visit(UUID visitId, DomainEvent event, UUID customerId, Instant at, boolean effective) {
        if (event.ownerId() == null) {
            return Uni.createFrom().voidItem();
        }
        LocalDate day = dayOf(at);
        return upsert(visitId, Metric.VISITS.name(), event, null, customerId, null, day, ONE)
                .chain(() -> upsert(visitId, Metric.EFFECTIVE_VISITS.name(), event, null, customerId, null, day,
                        effective ? ONE : BigDecimal.ZERO));
    }

    private LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, businessZone);
    }

    /** @param opportunityId the deal the fact belongs to (so an archived deal's facts leave the sums), else null */
    private Uni<Void> upsert(UUID sourceId, String fact, DomainEvent event, String productLine, UUID customerId,
                             UUID opportunityId, LocalDate day, BigDecimal amount) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO actual_fact (source_id, metric, rep_id, team, product_line, customer_id, day,
                                                 amount, aggregate_version, opportunity_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        ON CONFLICT (source_id, metric) DO UPDATE SET
                            rep_id = excluded.rep_id, team = excluded.team, product_line = excluded.product_line,
                            customer_id = excluded.customer_id, day = excluded.day, amount = excluded.amount,
                            aggregate_version = excluded.aggregate_version, opportunity_id = excluded.opportunity_id
                        WHERE actual_fact.aggregate_version < excluded.aggregate_version""")
                .setParameter(1, sourceId)
                .setParameter(2, fact)
                .setParameter(3, event.ownerId())
                .setParameter(4, event.ownerTeam())
                .setParameter(5, productLine)
                .setParameter(6, customerId)
                .setParameter(7, day)
                .setParameter(8, amount)
                .setParameter(9, event.aggregateVersion())
                .setParameter(10, opportunityId)
                .executeUpdate())
                .replaceWithVoid();
    }
}
