package org.salescrm.analytics.delivery.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * What a delivery says in words, whatever carries it (a group robot's markdown, an e-mail): a title and one line
 * each for owner (team), status, customer, every reason's message (with its numbers), change, resolution and the
 * alert id; a domain event gives its type as the title, then its subject and time.
 *
 * @param title "HIGH STALLED_OPPORTUNITY raised", or a domain event's type
 * @param lines in reading order; a reason's line has no label
 */
record MessageContent(String title, List<Line> lines) {

    /** One line: {@code label: value}, or the value alone when the label is null. */
    record Line(String label, String value) {
    }

    /** The content of a delivery's JSON: an alert notice, or a domain event's CloudEvent. */
    static MessageContent of(ObjectMapper json, String payload) {
        try {
            JsonNode event = json.readTree(payload);
            return new MessageContent(title(event), lines(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a delivery's payload is JSON this service wrote", e);
        }
    }

    private static String title(JsonNode event) {
        if (event.hasNonNull("alertType")) {
            return "%s %s %s".formatted(event.path("severity").asText(""), event.path("alertType").asText(),
                    event.path("event").asText("")).strip().replaceAll(" +", " ");
        }
        return event.path("type").asText("event");
    }

    private static List<Line> lines(JsonNode event) {
        List<Line> lines = new ArrayList<>();
        if (!event.hasNonNull("alertType")) {
            add(lines, "subject", event.path("subject").asText(null));
            add(lines, "time", event.path("time").asText(null));
            return List.copyOf(lines);
        }
        String owner = event.path("ownerId").asText(null);
        String team = event.path("ownerTeam").asText(null);
        add(lines, "owner", owner == null ? null : team == null ? owner : owner + " (" + team + ")");
        add(lines, "status", event.path("status").asText(null));
        add(lines, "customer", event.path("customerId").asText(null));
        for (JsonNode reason : event.path("reasons")) {
            lines.add(new Line(null, reason.path("message").asText(reason.path("code").asText())));
        }
        add(lines, "change", event.path("change").asText(null));
        add(lines, "resolution", event.path("resolution").asText(null));
        add(lines, "alert", event.path("alertId").asText(null));
        return List.copyOf(lines);
    }

    private static void add(List<Line> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(new Line(label, value));
        }
    }
}
