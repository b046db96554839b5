package org.salescrm.events.customer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/**
 * An opportunity was lost; stage is the one it was lost in, competitor the one it went to (null when unknown),
 * read leniently ({@link CompetitorName}).
 */
public record OpportunityLost(
        UUID eventId,
        UUID aggregateId,
        long aggregateVersion,
        String ownerId,
        String ownerTeam,
        Instant occurredAt,
        UUID customerId,
        String stage,
        String reason,
        BigDecimal amount,
        String currency,
        String productLine,
        String lostBy,
        @JsonDeserialize(using = OpportunityLost.CompetitorName.class) String competitor) implements DomainEvent {

    public static final String TYPE = "crm.opportunity.lost.v1";

    /** The event as it was before {@code competitor} was added, for code written against it: no competitor known. */
    public OpportunityLost(UUID eventId, UUID aggregateId, long aggregateVersion, String ownerId, String ownerTeam,
                           Instant occurredAt, UUID customerId, String stage, String reason, BigDecimal amount,
                           String currency, String productLine, String lostBy) {
        this(eventId, aggregateId, aggregateVersion, ownerId, ownerTeam, occurredAt, customerId, stage, reason, amount,
                currency, productLine, lostBy, null);
    }

    @Override
    public UUID partitionKey() {
        return customerId;
    }

    /**
     * Reads {@code competitor} as producers have written it: text, or an object with a {@code name}; blank or of
     * another shape, none. Whitespace around the name is dropped. A field no consumer relies on to apply the event
     * must not make the whole event undecodable and send it to the dead-letter topic.
     */
    public static final class CompetitorName extends StdDeserializer<String> {

        public CompetitorName() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode competitor = context.readTree(parser);
            JsonNode name = competitor.isObject() ? competitor.path("name") : competitor;
            return name.isTextual() && !name.asText().isBlank() ? name.asText().strip() : null;
        }
    }
}
