package org.salescrm.analytics.delivery.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a delivery's JSON (an alert notice, or a domain event's CloudEvent) into a group robot's markdown message:
 * DingTalk {@code {"msgtype":"markdown","markdown":{"title","text"}}}, WeCom
 * {@code {"msgtype":"markdown","markdown":{"content"}}}. The text says what happened, to whom, and why, with the
 * numbers the reasons carry.
 */
@ApplicationScoped
public class RobotMessages {

    private final ObjectMapper json;

    public RobotMessages(ObjectMapper json) {
        this.json = json;
    }

    /** The body to send for this format; STANDARD sends the payload as it is. */
    String body(WebhookFormat format, String payload) {
        if (format == null || format == WebhookFormat.STANDARD) {
            return payload;
        }
        try {
            JsonNode event = json.readTree(payload);
            String title = title(event);
            String text = "#### " + title + "\n" + details(event);
            Map<String, Object> markdown = new LinkedHashMap<>();
            if (format == WebhookFormat.DINGTALK) {
                markdown.put("title", title);
                markdown.put("text", text);
            } else {
                markdown.put("content", text);
            }
            return json.writeValueAsString(Map.of("msgtype", "markdown", "markdown", markdown));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a delivery's payload is JSON this service wrote", e);
        }
    }

    /** "HIGH STALLED_OPPORTUNITY raised", or a domain event's type. */
    private static String title(JsonNode event) {
        if (event.hasNonNull("alertType")) {
            return "%s %s %s".formatted(event.path("severity").asText(""), event.path("alertType").asText(),
                    event.path("event").asText("")).strip();
        }
        return event.path("type").asText("event");
    }

    private static String details(JsonNode event) {
        StringBuilder text = new StringBuilder();
        if (!event.hasNonNull("alertType")) {
            line(text, "subject", event.path("subject").asText(null));
            line(text, "time", event.path("time").asText(null));
            return text.toString();
        }
        String owner = event.path("ownerId").asText(null);
        String team = event.path("ownerTeam").asText(null);
        line(text, "owner", owner == null ? null : team == null ? owner : owner + " (" + team + ")");
        line(text, "status", event.path("status").asText(null));
        line(text, "customer", event.path("customerId").asText(null));
        for (JsonNode reason : event.path("reasons")) {
            text.append("- ").append(reason.path("message").asText(reason.path("code").asText())).append('\n');
        }
        line(text, "change", event.path("change").asText(null));
        line(text, "resolution", event.path("resolution").asText(null));
        line(text, "alert", event.path("alertId").asText(null));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append("- ").append(label).append(": ").append(value).append('\n');
        }
    }
}
