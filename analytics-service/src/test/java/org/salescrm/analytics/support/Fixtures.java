package org.salescrm.analytics.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.CustomerUpdated;
import org.salescrm.events.customer.DecisionMakerLost;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.customer.OpportunityUpdated;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.events.visit.FollowUpCompleted;
import org.salescrm.events.visit.FollowUpCreated;
import org.salescrm.events.visit.FollowUpOverdue;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;

/** Events as customer-service and visit-service publish them, with only what a test cares about as arguments. */
public final class Fixtures {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    public static final List<String> STAGES =
            List.of("TARGET", "POTENTIAL", "INTENT", "PROJECT", "ACKNOWLEDGED", "NEGOTIATION", "WON");

    private Fixtures() {
    }

    public static int probability(String stage) {
        return switch (stage) {
            case "TARGET" -> 5;
            case "POTENTIAL" -> 10;
            case "INTENT" -> 20;
            case "PROJECT" -> 40;
            case "ACKNOWLEDGED" -> 60;
            case "NEGOTIATION" -> 80;
            default -> 100;
        };
    }

    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, BUSINESS_ZONE);
    }

    public static CustomerCreated customer(UUID id, String owner, String team, String grade, Instant at) {
        return new CustomerCreated(UUID.randomUUID(), id, 0, owner, team, at, "客户-" + id, grade, "软件", "华东",
                "中型", "展会", owner);
    }

    public static CustomerUpdated regraded(UUID id, long version, String owner, String team, String grade, Instant at) {
        return new CustomerUpdated(UUID.randomUUID(), id, version, owner, team, at, "客户-" + id, grade, "软件", "华东",
                "中型", "展会", List.of("grade"), "C", owner);
    }

    public static OpportunityOpened opened(UUID customer, UUID opportunity, String owner, String team, Instant at,
                                           BigDecimal amount, LocalDate expectedClose) {
        return new OpportunityOpened(UUID.randomUUID(), opportunity, 0, owner, team, at, customer, "机会-" + opportunity,
                amount, "CNY", "ERP", "TARGET", 5, expectedClose, day(at));
    }

    public static OpportunityStageChanged moved(UUID customer, UUID opportunity, long version, String owner,
                                                String team, String from, String to, Instant at, BigDecimal amount,
                                                LocalDate expectedClose) {
        boolean backward = STAGES.indexOf(to) < STAGES.indexOf(from);
        return new OpportunityStageChanged(UUID.randomUUID(), opportunity, version, owner, team, at, customer, from, to,
                probability(to), backward ? "back" : null, backward, amount, "CNY", "ERP", expectedClose, owner);
    }

    public static OpportunityUpdated edited(UUID customer, UUID opportunity, long version, String owner, String team,
                                            String stage, Instant at, BigDecimal amount, LocalDate expectedClose) {
        return new OpportunityUpdated(UUID.randomUUID(), opportunity, version, owner, team, at, customer,
                "机会-" + opportunity, amount, "CNY", "ERP", stage, probability(stage), expectedClose, null, null, null,
                null, List.of("amount"), owner);
    }

    public static OpportunityWon won(UUID customer, UUID opportunity, long version, String owner, String team,
                                     Instant at, BigDecimal amount, LocalDate openedOn) {
        return new OpportunityWon(UUID.randomUUID(), opportunity, version, owner, team, at, customer, amount, "CNY",
                "ERP", day(at), openedOn, day(at), day(at));
    }

    public static OpportunityLost lost(UUID customer, UUID opportunity, long version, String owner, String team,
                                       String stage, Instant at, BigDecimal amount) {
        return new OpportunityLost(UUID.randomUUID(), opportunity, version, owner, team, at, customer, stage,
                "预算取消", amount, "CNY", "ERP", owner);
    }

    public static VisitLogged visit(UUID customer, UUID opportunity, String owner, String team, Instant at,
                                    String sentiment, boolean effective) {
        return new VisitLogged(UUID.randomUUID(), UUID.randomUUID(), 0, owner, team, at, customer, opportunity,
                "ON_SITE", List.of(), "需求确认", effective, sentiment, effective, false, at, 60, null);
    }

    public static VisitCorrected corrected(VisitLogged visit, long version, Instant at, boolean effective) {
        return new VisitCorrected(UUID.randomUUID(), visit.aggregateId(), version, visit.ownerId(), visit.ownerTeam(),
                at, visit.customerId(), at, List.of("occurredAt", "effective"), visit.sentiment(), effective, effective,
                visit.ownerId());
    }

    public static FollowUpCreated followUp(UUID customer, UUID followUp, String owner, String team, Instant at,
                                           LocalDate dueOn) {
        return new FollowUpCreated(UUID.randomUUID(), followUp, 0, owner, team, at, customer, null, null, owner,
                "回访", dueOn);
    }

    public static FollowUpOverdue overdue(FollowUpCreated created, Instant at) {
        return new FollowUpOverdue(UUID.randomUUID(), created.aggregateId(), created.aggregateVersion(),
                created.ownerId(), created.ownerTeam(), at, created.customerId(), null, created.ownerId(),
                created.dueOn(), created.action());
    }

    public static FollowUpCompleted completed(FollowUpCreated created, long version, Instant at) {
        return new FollowUpCompleted(UUID.randomUUID(), created.aggregateId(), version, created.ownerId(),
                created.ownerTeam(), at, created.customerId(), null, created.ownerId(), created.action(), "完成", at,
                created.dueOn());
    }

    public static DecisionMakerLost decisionMakerLost(UUID customer, long version, String owner, String team,
                                                      Instant at) {
        return new DecisionMakerLost(UUID.randomUUID(), customer, version, owner, team, at, UUID.randomUUID(), "王总",
                day(at));
    }
}
