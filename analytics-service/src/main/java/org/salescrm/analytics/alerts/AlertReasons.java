package org.salescrm.analytics.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.salescrm.events.EventCodec;
import org.salescrm.events.analytics.AlertReason;

/** Reasons as stored on the alert row: the same JSON the events carry, so a comparison is a string comparison. */
@ApplicationScoped
public class AlertReasons {

    private static final TypeReference<List<AlertReason>> LIST = new TypeReference<>() {
    };

    public String write(List<AlertReason> reasons) {
        try {
            return EventCodec.mapper().writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reasons cannot be written", e);
        }
    }

    public List<AlertReason> read(String json) {
        try {
            return json == null ? List.of() : EventCodec.mapper().readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons cannot be read", e);
        }
    }
}
