package org.salescrm.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.salescrm.events.target.Organisation;

/**
 * The published contract: every event type's golden sample must still decode, and the record must
 * still write exactly the golden data, so renaming or removing a field fails here first.
 */
class GoldenSamplesTest {

    private static final ObjectMapper JSON = EventCodec.mapper();

    static Stream<Named<EventType<?>>> catalog() {
        return GoldenSamples.catalog();
    }

    @Test
    void everyCatalogTypeHasAGoldenSampleAndEveryGoldenSampleIsACatalogType() {
        Set<String> catalog = EventCatalog.ALL.stream().map(EventType::name).collect(Collectors.toSet());

        assertThat(GoldenSamples.typeNames()).containsExactlyInAnyOrderElementsOf(catalog);
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void goldenSampleDecodesIntoItsRecord(EventType<?> type) {
        CloudEvent envelope = EventCodec.read(GoldenSamples.text(type.name()));

        assertThat(envelope.type()).isEqualTo(type.name());
        assertThat(EventCodec.data(envelope)).isExactlyInstanceOf(type.dataClass());
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void recordWritesExactlyTheGoldenData(EventType<?> type) throws IOException {
        String golden = GoldenSamples.text(type.name());
        CloudEvent envelope = EventCodec.read(golden);

        JsonNode expected = JSON.readTree(golden).get("data");
        DomainEvent event = EventCodec.data(envelope);
        String written = EventCodec.write(EventCodec.envelope(event, envelope.source(), envelope.time()));
        JsonNode actual = JSON.readTree(written).get("data");

        assertThat((Object) actual)
                .as("%s: fields only in the golden sample %s, only in the record %s", type.name(),
                        fieldsMissingFrom(expected, actual), fieldsMissingFrom(actual, expected))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void envelopeSurvivesAWriteAndARead(EventType<?> type) throws IOException {
        String golden = GoldenSamples.text(type.name());
        CloudEvent envelope = EventCodec.read(golden);

        assertThat(EventCodec.read(EventCodec.write(envelope))).isEqualTo(envelope);
        assertThat((Object) JSON.readTree(EventCodec.write(envelope))).isEqualTo(JSON.readTree(golden));
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void envelopeBuiltFromTheRecordIsTheGoldenEnvelope(EventType<?> type) throws IOException {
        String golden = GoldenSamples.text(type.name());
        CloudEvent read = EventCodec.read(golden);
        DomainEvent event = EventCodec.data(read);

        CloudEvent built = EventCodec.envelope(event, read.source(), read.time());

        assertThat(built.specVersion()).isEqualTo("1.0");
        assertThat(built.subject()).isEqualTo(event.aggregateId().toString());
        assertThat(built.id()).isEqualTo(event.eventId().toString());
        assertThat((Object) JSON.readTree(EventCodec.write(built))).isEqualTo(JSON.readTree(golden));
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void partitionKeyIsTheCustomerIdWhereTheEventHasOneElseTheAggregate(EventType<?> type) throws IOException {
        String golden = GoldenSamples.text(type.name());
        JsonNode data = JSON.readTree(golden).get("data");
        // the organisation's changes share one key, so that they are read in the order they were made
        String expected = type.topic().equals(Topics.ORGANISATION) ? Organisation.PARTITION_KEY.toString()
                : data.hasNonNull("customerId") ? data.get("customerId").asText()
                : data.get("aggregateId").asText();

        DomainEvent event = EventCodec.data(EventCodec.read(golden));

        assertThat(event.partitionKey()).isEqualTo(UUID.fromString(expected));
    }

    private static Set<String> fieldsMissingFrom(JsonNode from, JsonNode other) {
        Set<String> names = new TreeSet<>();
        from.fieldNames().forEachRemaining(names::add);
        Set<String> others = new HashSet<>();
        other.fieldNames().forEachRemaining(others::add);
        names.removeAll(others);
        return names;
    }
}
