package org.salescrm.goal.actuals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salescrm.goal.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.events.EventCodec;
import org.salescrm.events.customer.OpportunityLost;
import org.salescrm.goal.TestEvents;

/**
 * A lost deal's competitor through the real broker, in each shape a producer has sent it: text, an object with a
 * name, or something else (no competitor). None of them keeps the deal from being closed as LOST.
 */
@QuarkusTest
class LostCompetitorIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Pool db;

    @Test
    void competitorAsTextOrAsAnObjectWithANameIsKeptAndAnyOtherShapeIsNone() {
        String rep = unique("rep");
        OpportunityLost asText = lost(rep);
        OpportunityLost asObject = lost(rep);
        OpportunityLost asNumber = lost(rep);
        ObjectNode named = EventCodec.mapper().createObjectNode().put("name", " 金蝶 ").put("strengths", "价格");

        TestEvents.publishRaw(asText, withCompetitor(asText, EventCodec.mapper().getNodeFactory().textNode("用友")));
        TestEvents.publishRaw(asObject, withCompetitor(asObject, named));
        TestEvents.publishRaw(asNumber, withCompetitor(asNumber, EventCodec.mapper().getNodeFactory().numberNode(3)));

        await().atMost(PATIENCE).until(() -> status(asText) != null && status(asObject) != null
                && status(asNumber) != null);
        assertThat(row(asText).getString("lost_competitor")).isEqualTo("用友");
        assertThat(row(asObject).getString("lost_competitor")).isEqualTo("金蝶");
        assertThat(row(asNumber).getString("lost_competitor")).isNull();
        assertThat(status(asNumber)).isEqualTo("LOST");
    }

    private static OpportunityLost lost(String rep) {
        return TestEvents.lost(rep, "east", UUID.randomUUID(), "NEGOTIATION", "90000", LocalDate.of(2042, 3, 9),
                "价格");
    }

    private static String withCompetitor(OpportunityLost lost, JsonNode competitor) {
        var envelope = EventCodec.envelope(lost, "/test", lost.occurredAt().plusSeconds(60));
        ((ObjectNode) envelope.data()).set("competitor", competitor);
        return EventCodec.write(envelope);
    }

    private String status(OpportunityLost lost) {
        Row row = row(lost);
        return row == null ? null : row.getString("status");
    }

    private Row row(OpportunityLost lost) {
        Iterator<Row> rows = db.preparedQuery(
                        "SELECT status, lost_competitor FROM opportunity_replica WHERE opportunity_id = $1")
                .execute(Tuple.of(lost.aggregateId())).await().indefinitely().iterator();
        return rows.hasNext() ? rows.next() : null;
    }
}
