package org.salescrm.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.salescrm.events.customer.OpportunityLost;

/** A lost deal's competitor, in every shape a producer has written it, decodes and never makes the event poison. */
class LostCompetitorTest {

    @Test
    void competitorGivenAsTextIsItsName() {
        assertThat(competitorOf(text("  用友 "))).isEqualTo("用友");
    }

    @Test
    void competitorGivenAsAnObjectIsTheObjectsName() {
        ObjectNode competitor = EventCodec.mapper().createObjectNode().put("name", "金蝶").put("strengths", "价格");

        assertThat(competitorOf(competitor)).isEqualTo("金蝶");
    }

    @Test
    void blankAbsentOrOtherShapesAreNoCompetitorAndTheEventStillDecodes() {
        ObjectNode nameless = EventCodec.mapper().createObjectNode().put("id", 7);

        assertThat(competitorOf(text("   "))).isNull();
        assertThat(competitorOf(EventCodec.mapper().nullNode())).isNull();
        assertThat(competitorOf(nameless)).isNull();
        assertThat(competitorOf(EventCodec.mapper().getNodeFactory().numberNode(42))).isNull();
        assertThat(competitorOf(EventCodec.mapper().createArrayNode().add("用友"))).isNull();
        assertThat(competitorOf(null)).isNull();
    }

    @Test
    void aCompetitorWrittenAsTextReadsBackUnchanged() {
        OpportunityLost lost = (OpportunityLost) EventCodec.data(EventCodec.read(
                GoldenSamples.text(OpportunityLost.TYPE)));

        assertThat(lost.competitor()).isEqualTo("用友");
        assertThat(EventCodec.data(EventCodec.read(EventCodec.write(
                EventCodec.envelope(lost, "/customer-service", lost.occurredAt()))))).isEqualTo(lost);
    }

    private static JsonNode text(String value) {
        return EventCodec.mapper().getNodeFactory().textNode(value);
    }

    /** The golden lost deal with {@code competitor} as given ({@code null}: the field left out). */
    private static String competitorOf(JsonNode competitor) {
        try {
            ObjectNode root = (ObjectNode) EventCodec.mapper().readTree(GoldenSamples.text(OpportunityLost.TYPE));
            ObjectNode data = (ObjectNode) root.get("data");
            if (competitor == null) {
                data.remove("competitor");
            } else {
                data.set("competitor", competitor);
            }
            String json = EventCodec.mapper().writeValueAsString(root);
            return ((OpportunityLost) EventCodec.data(EventCodec.read(json))).competitor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
