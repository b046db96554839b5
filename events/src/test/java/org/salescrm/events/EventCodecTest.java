package org.salescrm.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.salescrm.events.customer.CustomerCreated;
import org.salescrm.events.customer.OpportunityOpened;
import org.salescrm.events.customer.OpportunityStageChanged;
import org.salescrm.events.visit.VisitLogged;

class EventCodecTest {

    private static final UUID YUNSHAN = UUID.fromString("0658948d-7772-4d1e-85da-a464f807b640");
    private static final UUID MES_PHASE_TWO = UUID.fromString("c7f8a68c-3103-43e6-9a8f-d58f296c12fe");
    private static final UUID ONSITE_VISIT = UUID.fromString("364c098d-9eae-40f3-a9ea-b85182cae588");

    @Test
    void unknownFieldsInDataAndEnvelopeAreIgnored() {
        String golden = GoldenSamples.text(OpportunityStageChanged.TYPE);
        String newer = edit(golden, root -> {
            root.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            ObjectNode data = (ObjectNode) root.get("data");
            data.put("forecastCategory", "COMMIT");
            data.putObject("approval").put("approvedBy", "mgr-east").put("approvedAt", "2026-11-03T10:05:00Z");
        });

        assertThat(EventCodec.data(EventCodec.read(newer))).isEqualTo(EventCodec.data(EventCodec.read(golden)));
    }

    @Test
    void eventFromAnOlderProducerWithoutLaterFieldsStillDecodes() {
        String older = edit(GoldenSamples.text(VisitLogged.TYPE), root -> ((ObjectNode) root.get("data"))
                .remove(List.of("keyPersonIds", "durationMinutes", "followUpId")));

        VisitLogged visit = (VisitLogged) EventCodec.data(EventCodec.read(older));

        assertThat(visit.keyPersonIds()).isEmpty();
        assertThat(visit.durationMinutes()).isNull();
        assertThat(visit.customerId()).isEqualTo(YUNSHAN);
    }

    @Test
    void nonJsonIsUndecodable() {
        assertThatThrownBy(() -> EventCodec.read("客户拜访记录 <visit/>"))
                .isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void jsonNullAndNonObjectsAreUndecodable() {
        for (String notAnEnvelope : List.of("null", "[]", "\"crm.visit.logged.v1\"", "42")) {
            assertThatThrownBy(() -> EventCodec.read(notAnEnvelope)).as(notAnEnvelope)
                    .isInstanceOf(UndecodableEventException.class);
        }
    }

    @Test
    void envelopeWithoutTypeIsUndecodable() {
        String untyped = edit(GoldenSamples.text(VisitLogged.TYPE), root -> root.remove("type"));

        assertThatThrownBy(() -> EventCodec.read(untyped))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("type");
    }

    @Test
    void envelopeWithNullOrScalarDataIsUndecodable() {
        String nullData = edit(GoldenSamples.text(VisitLogged.TYPE), root -> root.putNull("data"));
        String textData = edit(GoldenSamples.text(VisitLogged.TYPE), root -> root.put("data", "{}"));

        assertThatThrownBy(() -> EventCodec.read(nullData)).isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> EventCodec.read(textData)).isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void unknownTypeIsUndecodable() {
        String unknown = edit(GoldenSamples.text(CustomerCreated.TYPE),
                root -> root.put("type", "crm.customer.merged.v1"));
        CloudEvent envelope = EventCodec.read(unknown);

        assertThatThrownBy(() -> EventCodec.data(envelope))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("crm.customer.merged.v1");
    }

    @Test
    void newerVersionOfAKnownTypeIsUndecodableUntilItIsInTheCatalog() {
        String v2 = edit(GoldenSamples.text(CustomerCreated.TYPE), root -> root.put("type", "crm.customer.created.v2"));

        assertThatThrownBy(() -> EventCodec.data(EventCodec.read(v2))).isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void dataOfTheWrongShapeIsUndecodable() {
        String wrong = edit(GoldenSamples.text(OpportunityStageChanged.TYPE),
                root -> ((ObjectNode) root.get("data")).put("aggregateVersion", "seven"));

        assertThatThrownBy(() -> EventCodec.data(EventCodec.read(wrong)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining(OpportunityStageChanged.TYPE);
    }

    @Test
    void eventWithoutIdOrCustomerCannotBeAppliedAndIsUndecodable() {
        for (String field : List.of("eventId", "aggregateId", "occurredAt", "customerId")) {
            String lacking = edit(GoldenSamples.text(VisitLogged.TYPE),
                    root -> ((ObjectNode) root.get("data")).remove(field));

            assertThatThrownBy(() -> EventCodec.data(EventCodec.read(lacking))).as(field)
                    .isInstanceOf(UndecodableEventException.class);
        }
    }

    @Test
    void opportunityEventIsKeyedByItsCustomerNotByItself() {
        DomainEvent stageChanged = EventCodec.data(EventCodec.read(GoldenSamples.text(OpportunityStageChanged.TYPE)));

        assertThat(stageChanged.aggregateId()).isEqualTo(MES_PHASE_TWO);
        assertThat(stageChanged.partitionKey()).isEqualTo(YUNSHAN);
    }

    @Test
    void visitEventIsKeyedByItsCustomerNotByItself() {
        DomainEvent visit = EventCodec.data(EventCodec.read(GoldenSamples.text(VisitLogged.TYPE)));

        assertThat(visit.aggregateId()).isEqualTo(ONSITE_VISIT);
        assertThat(visit.partitionKey()).isEqualTo(YUNSHAN);
    }

    @Test
    void chineseTextSurvivesTheRoundTripAsUtf8Bytes() {
        // 𠮷 lies outside the Basic Multilingual Plane, so it also proves surrogate pairs survive
        String name = "杭州云杉科技有限公司（𠮷野分部）";
        CustomerCreated created = new CustomerCreated(UUID.randomUUID(), YUNSHAN, 1, "rep-east-1", "east",
                Instant.parse("2026-09-01T01:30:00Z"), name, "A", "智能制造", "浙江-杭州", "200-500人",
                "老客户转介绍：王伟", "rep-east-1");

        byte[] onTheWire = write(created).getBytes(StandardCharsets.UTF_8);
        DomainEvent read = EventCodec.data(EventCodec.read(new String(onTheWire, StandardCharsets.UTF_8)));

        assertThat(read).isEqualTo(created);
        assertThat(new String(onTheWire, StandardCharsets.UTF_8)).contains(name);
    }

    @Test
    void moneyKeepsEveryDigitAndIsWrittenPlain() {
        String big = write(opened(new BigDecimal("12345678901234567.89")));
        String round = write(opened(new BigDecimal("580000.00")));

        assertThat(((OpportunityOpened) EventCodec.data(EventCodec.read(big))).amount())
                .isEqualTo(new BigDecimal("12345678901234567.89"));
        assertThat(round).contains("\"amount\":580000.00,");
    }

    private static OpportunityOpened opened(BigDecimal amount) {
        return new OpportunityOpened(UUID.randomUUID(), MES_PHASE_TWO, 1, "rep-east-1", "east",
                Instant.parse("2026-09-08T02:10:44Z"), YUNSHAN, "集团ERP整体替换", amount, "CNY", "ERP", "TARGET",
                5, LocalDate.parse("2027-06-30"), LocalDate.parse("2026-09-08"));
    }

    private static String write(DomainEvent event) {
        return EventCodec.write(EventCodec.envelope(event, "/customer-service", Instant.parse("2026-09-08T02:10:45Z")));
    }

    private static String edit(String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) EventCodec.mapper().readTree(json);
            change.accept(root);
            return EventCodec.mapper().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
