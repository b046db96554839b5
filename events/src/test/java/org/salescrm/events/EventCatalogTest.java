package org.salescrm.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.salescrm.events.customer.OpportunityStageChanged;

class EventCatalogTest {

    // Written out here rather than derived, so that a type registered on the wrong topic cannot pass.
    private static final Map<String, String> TOPIC_OF_FAMILY = Map.ofEntries(
            Map.entry("customer", "crm.customers"),
            Map.entry("key-person", "crm.customers"),
            Map.entry("opportunity", "crm.opportunities"),
            Map.entry("quote", "crm.opportunities"),
            Map.entry("contract", "crm.opportunities"),
            Map.entry("payment", "crm.opportunities"),
            Map.entry("visit", "crm.visits"),
            Map.entry("follow-up", "crm.follow-ups"),
            Map.entry("goal", "crm.goals"),
            Map.entry("evaluation", "crm.goals"),
            Map.entry("review", "crm.goals"),
            Map.entry("region", "crm.organisation"),
            Map.entry("team", "crm.organisation"),
            Map.entry("alert", "crm.alerts"));

    private static final List<String> COMMON_FIELDS =
            List.of("eventId", "aggregateId", "aggregateVersion", "ownerId", "ownerTeam", "occurredAt");
    private static final List<Class<?>> COMMON_TYPES =
            List.of(UUID.class, UUID.class, long.class, String.class, String.class, Instant.class);

    static Stream<Named<EventType<?>>> catalog() {
        return GoldenSamples.catalog();
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void typeNameIsVersionedKebabCaseAndEqualsTheRecordsTypeConstant(EventType<?> type) throws Exception {
        assertThat(type.name()).matches("crm\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");
        assertThat(type.dataClass().getField("TYPE").get(null)).isEqualTo(type.name());
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void typeIsPublishedOnItsFamilysTopic(EventType<?> type) {
        String family = type.name().split("\\.")[1];

        assertThat(TOPIC_OF_FAMILY).containsKey(family);
        assertThat(type.topic()).isEqualTo(TOPIC_OF_FAMILY.get(family)).isIn(Topics.ALL);
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void recordStartsWithTheSixCommonFields(EventType<?> type) {
        assertThat(type.dataClass().isRecord()).isTrue();
        RecordComponent[] components = type.dataClass().getRecordComponents();

        assertThat(Arrays.stream(components).limit(6).map(RecordComponent::getName))
                .containsExactlyElementsOf(COMMON_FIELDS);
        assertThat(Arrays.stream(components).limit(6).map(RecordComponent::getType))
                .containsExactlyElementsOf(COMMON_TYPES);
    }

    @Test
    void typesAndRecordsAreEachRegisteredOnce() {
        assertThat(EventCatalog.ALL).extracting(EventType::name).doesNotHaveDuplicates();
        assertThat(EventCatalog.ALL).extracting(EventType::dataClass).doesNotHaveDuplicates();
    }

    @Test
    void typeIsFoundByNameAndByRecord() {
        EventType<?> stageChanged = EventCatalog.typeOf(OpportunityStageChanged.class);

        assertThat(stageChanged.name()).isEqualTo("crm.opportunity.stage-changed.v1");
        assertThat(stageChanged.topic()).isEqualTo(Topics.OPPORTUNITIES);
        assertThat(EventCatalog.byName("crm.opportunity.stage-changed.v1")).contains(stageChanged);
        assertThat(EventCatalog.byName("crm.opportunity.stage-changed.v2")).isEmpty();
    }

    @Test
    void recordOutsideTheCatalogCannotBeEnveloped() {
        record Unregistered(UUID eventId, UUID aggregateId, long aggregateVersion, String ownerId, String ownerTeam,
                Instant occurredAt) implements DomainEvent {
            @Override
            public UUID partitionKey() {
                return aggregateId;
            }
        }
        Unregistered event =
                new Unregistered(UUID.randomUUID(), UUID.randomUUID(), 1, "rep-east-1", "east", Instant.EPOCH);

        assertThatThrownBy(() -> EventCodec.envelope(event, "/test", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the event catalog");
    }
}
