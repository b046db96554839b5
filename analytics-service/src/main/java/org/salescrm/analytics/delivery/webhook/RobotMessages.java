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
 * {@code {"msgtype":"markdown","markdown":{"content"}}}. The text is the {@link MessageContent}: a heading, then
 * one list item per line.
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
        MessageContent content = MessageContent.of(json, payload);
        String text = "#### " + content.title() + "\n" + items(content);
        Map<String, Object> markdown = new LinkedHashMap<>();
        if (format == WebhookFormat.DINGTALK) {
            markdown.put("title", content.title());
            markdown.put("text", text);
        } else {
            markdown.put("content", text);
        }
        try {
            return json.writeValueAsString(Map.of("msgtype", "markdown", "markdown", markdown));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /**
     * What a robot's answer says went wrong, or null when it took the message ({@code errcode} 0, or an answer that
     * is not the robots' JSON, which proves nothing either way).
     */
    String refusal(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            JsonNode reply = json.readTree(answer);
            int code = reply.path("errcode").asInt(0);
            return code == 0 ? null : "the robot answered errcode " + code + ": " + reply.path("errmsg").asText("");
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String items(MessageContent content) {
        StringBuilder text = new StringBuilder();
        for (MessageContent.Line line : content.lines()) {
            text.append("- ");
            if (line.label() != null) {
                text.append(line.label()).append(": ");
            }
            text.append(line.value()).append('\n');
        }
        return text.toString();
    }
}
