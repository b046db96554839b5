package org.salescrm.analytics.delivery.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.salescrm.events.EventCatalog;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;

/** The event types a subscription may name: those of the event catalog, by their CloudEvents type. */
final class WebhookEventTypes {

    private WebhookEventTypes() {
    }

    /** The types asked for, trimmed and without repeats; each unknown one is named by its index. */
    static List<String> known(List<String> asked) {
        if (asked == null) {
            return List.of();
        }
        Set<String> types = new LinkedHashSet<>();
        List<FieldViolation> invalid = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            String type = asked.get(i) == null ? "" : asked.get(i).strip();
            if (EventCatalog.byName(type).isEmpty()) {
                invalid.add(new FieldViolation("eventTypes[" + i + "]", "known",
                        "not an event type this system publishes, such as crm.opportunity.won.v1"));
            }
            types.add(type);
        }
        if (!invalid.isEmpty()) {
            throw Problems.ruleViolated("validation", invalid, "validation",
                    String.join(", ", invalid.stream().map(FieldViolation::field).toList()));
        }
        return List.copyOf(types);
    }
}
