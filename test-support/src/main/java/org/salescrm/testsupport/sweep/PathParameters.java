package org.salescrm.testsupport.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import org.salescrm.testsupport.http.ApiOperation;

/** Path parameters filled by the collection each follows: in {@code /customers/{id}/key-persons}, a customer. */
public final class PathParameters {

    private PathParameters() {
    }

    /**
     * Each path parameter is the value {@code byCollection} holds for the segment before it ("customers" → the
     * owner's customer). Null, as {@link CrossOwnerSweep.Fixture#pathParameters} means it, when a segment has none.
     */
    public static Map<String, String> bySegment(ApiOperation operation, Map<String, String> byCollection) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] segments = operation.path().split("/");
        for (int i = 1; i < segments.length; i++) {
            if (!segments[i].startsWith("{")) {
                continue;
            }
            String value = byCollection.get(segments[i - 1]);
            if (value == null) {
                return null;
            }
            values.put(segments[i].substring(1, segments[i].length() - 1), value);
        }
        return values;
    }
}
