package org.salescrm.analytics.delivery.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a delivery's JSON into an e-mail with the same words as the group robots' messages ({@link MessageContent}):
 * the subject is the title, the body a plain-text and an HTML alternative of its lines. The delivery's event id goes
 * in a header, so a mail filter or a reader can tell repeats apart as a webhook receiver does.
 */
@ApplicationScoped
public class MailMessages {

    static final String SUBJECT_PREFIX = "[CRM] ";
    static final String EVENT_ID_HEADER = "X-Crm-Event-Id";
    static final String EVENT_TYPE_HEADER = "X-Crm-Event-Type";

    private final ObjectMapper json;

    public MailMessages(ObjectMapper json) {
        this.json = json;
    }

    Mail mail(String to, String eventId, String eventType, String payload) {
        MessageContent content = MessageContent.of(json, payload);
        return Mail.withText(to, SUBJECT_PREFIX + content.title(), text(content))
                .setHtml(html(content))
                .addHeader(EVENT_ID_HEADER, eventId)
                .addHeader(EVENT_TYPE_HEADER, eventType);
    }

    static String text(MessageContent content) {
        StringBuilder text = new StringBuilder(content.title()).append("\n\n");
        for (MessageContent.Line line : content.lines()) {
            text.append(line.label() == null ? "- " + line.value() : line.label() + ": " + line.value()).append('\n');
        }
        return text.toString();
    }

    static String html(MessageContent content) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head><body>")
                .append("<h3>").append(escaped(content.title())).append("</h3><ul>");
        for (MessageContent.Line line : content.lines()) {
            html.append("<li>");
            if (line.label() != null) {
                html.append("<strong>").append(escaped(line.label())).append("</strong>: ");
            }
            html.append(escaped(line.value())).append("</li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    /** Reasons and notes are written by people: their text must not become markup in the reader's mail client. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
