package org.salescrm.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.salescrm.events.analytics.AlertChanged;
import org.salescrm.events.analytics.AlertRaised;
import org.salescrm.events.analytics.AlertResolved;
import org.salescrm.events.customer.ContractSigned;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.CustomerDeleted;
import org.salescrm.events.customer.CustomerOwnerChanged;
import org.salescrm.events.customer.CustomerReclaimWarning;
import org.salescrm.events.customer.CustomerRestored;
import org.salescrm.events.customer.CustomerUpdated;
import org.salescrm.events.customer.DecisionMakerLost;
import org.salescrm.events.customer.KeyPersonAdded;
import org.salescrm.events.customer.KeyPersonDeleted;
import org.salescrm.events.customer.KeyPersonLeft;
import org.salescrm.events.customer.KeyPersonRestored;
import org.salescrm.events.customer.KeyPersonUpdated;
import org.salescrm.events.customer.OpportunityDeleted;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityRestored;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.customer.OpportunityUpdated;
import org.salescrm.events.customer.OpportunityWon;
import org.salescrm.events.customer.PaymentReceived;
import org.salescrm.events.customer.QuoteIssued;
import org.salescrm.events.target.EvaluationPublished;
import org.salescrm.events.target.GoalAcknowledged;
import org.salescrm.events.target.GoalSet;
import org.salescrm.events.target.RegionChanged;
import org.salescrm.events.target.ReviewActionAssigned;
import org.salescrm.events.target.TeamChanged;
import org.salescrm.events.visit.FollowUpCompleted;
import org.salescrm.events.visit.FollowUpCreated;
import org.salescrm.events.visit.FollowUpOverdue;
import org.salescrm.events.visit.FollowUpReassigned;
import org.salescrm.events.visit.VisitCorrected;
import org.salescrm.events.visit.VisitLogged;

/** Every event type the system publishes, with its topic. */
public final class EventCatalog {

    public static final List<EventType<?>> ALL = List.of(
            new EventType<>(CustomerCreated.TYPE, CustomerCreated.class, Topics.CUSTOMERS),
            new EventType<>(CustomerUpdated.TYPE, CustomerUpdated.class, Topics.CUSTOMERS),
            new EventType<>(CustomerOwnerChanged.TYPE, CustomerOwnerChanged.class, Topics.CUSTOMERS),
            new EventType<>(CustomerReclaimWarning.TYPE, CustomerReclaimWarning.class, Topics.CUSTOMERS),
            new EventType<>(DecisionMakerLost.TYPE, DecisionMakerLost.class, Topics.CUSTOMERS),
            new EventType<>(KeyPersonAdded.TYPE, KeyPersonAdded.class, Topics.CUSTOMERS),
            new EventType<>(KeyPersonUpdated.TYPE, KeyPersonUpdated.class, Topics.CUSTOMERS),
            new EventType<>(KeyPersonLeft.TYPE, KeyPersonLeft.class, Topics.CUSTOMERS),
            // soft deletes: nothing consumes these yet; every consumer passes over types it does not handle
            new EventType<>(CustomerDeleted.TYPE, CustomerDeleted.class, Topics.CUSTOMERS),
            new EventType<>(CustomerRestored.TYPE, CustomerRestored.class, Topics.CUSTOMERS),
            new EventType<>(KeyPersonDeleted.TYPE, KeyPersonDeleted.class, Topics.CUSTOMERS),
            new EventType<>(KeyPersonRestored.TYPE, KeyPersonRestored.class, Topics.CUSTOMERS),
            new EventType<>(OpportunityOpened.TYPE, OpportunityOpened.class, Topics.OPPORTUNITIES),
            new EventType<>(OpportunityUpdated.TYPE, OpportunityUpdated.class, Topics.OPPORTUNITIES),
            new EventType<>(OpportunityStageChanged.TYPE, OpportunityStageChanged.class, Topics.OPPORTUNITIES),
            new EventType<>(OpportunityWon.TYPE, OpportunityWon.class, Topics.OPPORTUNITIES),
            new EventType<>(OpportunityLost.TYPE, OpportunityLost.class, Topics.OPPORTUNITIES),
            new EventType<>(OpportunityDeleted.TYPE, OpportunityDeleted.class, Topics.OPPORTUNITIES),
            new EventType<>(OpportunityRestored.TYPE, OpportunityRestored.class, Topics.OPPORTUNITIES),
            // money follows its deal: on the opportunities topic, keyed by customer, in order with the deal's moves
            new EventType<>(QuoteIssued.TYPE, QuoteIssued.class, Topics.OPPORTUNITIES),
            new EventType<>(ContractSigned.TYPE, ContractSigned.class, Topics.OPPORTUNITIES),
            new EventType<>(PaymentReceived.TYPE, PaymentReceived.class, Topics.OPPORTUNITIES),
            new EventType<>(VisitLogged.TYPE, VisitLogged.class, Topics.VISITS),
            new EventType<>(VisitCorrected.TYPE, VisitCorrected.class, Topics.VISITS),
            new EventType<>(FollowUpCreated.TYPE, FollowUpCreated.class, Topics.FOLLOW_UPS),
            new EventType<>(FollowUpCompleted.TYPE, FollowUpCompleted.class, Topics.FOLLOW_UPS),
            new EventType<>(FollowUpOverdue.TYPE, FollowUpOverdue.class, Topics.FOLLOW_UPS),
            new EventType<>(FollowUpReassigned.TYPE, FollowUpReassigned.class, Topics.FOLLOW_UPS),
            new EventType<>(GoalSet.TYPE, GoalSet.class, Topics.GOALS),
            new EventType<>(GoalAcknowledged.TYPE, GoalAcknowledged.class, Topics.GOALS),
            new EventType<>(EvaluationPublished.TYPE, EvaluationPublished.class, Topics.GOALS),
            new EventType<>(ReviewActionAssigned.TYPE, ReviewActionAssigned.class, Topics.GOALS),
            new EventType<>(RegionChanged.TYPE, RegionChanged.class, Topics.ORGANISATION),
            new EventType<>(TeamChanged.TYPE, TeamChanged.class, Topics.ORGANISATION),
            new EventType<>(AlertRaised.TYPE, AlertRaised.class, Topics.ALERTS),
            new EventType<>(AlertChanged.TYPE, AlertChanged.class, Topics.ALERTS),
            new EventType<>(AlertResolved.TYPE, AlertResolved.class, Topics.ALERTS));

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType<?> typeOf(Class<?> dataClass) {
        EventType<?> type = BY_CLASS.get(dataClass);
        if (type == null) {
            throw new IllegalArgumentException(dataClass.getName() + " is not in the event catalog");
        }
        return type;
    }
}
