package org.salescrm.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/**
 * Turns event records into CloudEvents JSON and back. Readers ignore fields they do not know,
 * so producers may add fields without breaking older consumers.
 */
public final class EventCodec {

    // data travels as a JsonNode, so money must stay BigDecimal in the tree: doubles would round
    // large amounts, and stripped zeros would print 580000.00 as 5.8E+5.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .defaultPropertyInclusion(JsonInclude.Value.construct(Include.ALWAYS, Include.ALWAYS))
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Wraps an event in its envelope; {@code time} is when it was recorded, not when it happened. */
    public static CloudEvent envelope(DomainEvent event, String source, Instant time) {
        EventType<?> type = EventCatalog.typeOf(event.getClass());
        return new CloudEvent(CloudEvent.SPEC_VERSION, event.eventId().toString(), source, type.name(),
                event.aggregateId().toString(), time, CloudEvent.JSON, MAPPER.valueToTree(event));
    }

    public static String write(CloudEvent envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + envelope.id(), e);
        }
    }

    /** Parses an envelope; throws {@link UndecodableEventException} for anything that is not one. */
    public static CloudEvent read(String json) {
        CloudEvent envelope;
        try {
            envelope = MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UndecodableEventException("not a CloudEvents JSON envelope: " + e.getMessage(), e);
        }
        // the JSON literal null parses to no envelope at all, and "data": null to a NullNode
        if (envelope == null || envelope.type() == null || envelope.id() == null
                || envelope.data() == null || !envelope.data().isObject()) {
            throw new UndecodableEventException("envelope lacks id, type or data object");
        }
        return envelope;
    }

    /** The event record inside an envelope, by its declared type. */
    public static DomainEvent data(CloudEvent envelope) {
        EventType<?> type = EventCatalog.byName(envelope.type())
                .orElseThrow(() -> new UndecodableEventException("unknown event type " + envelope.type()));
        DomainEvent event;
        try {
            event = MAPPER.treeToValue(envelope.data(), type.dataClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UndecodableEventException("data does not match " + type.name() + ": " + e.getMessage(), e);
        }
        // without these a consumer can neither deduplicate, order nor date the event: dead-letter it now
        if (event == null || event.eventId() == null || event.aggregateId() == null || event.occurredAt() == null
                || event.partitionKey() == null) {
            throw new UndecodableEventException(type.name() + " " + envelope.id()
                    + " lacks eventId, aggregateId, occurredAt or its partition key");
        }
        return event;
    }
}
