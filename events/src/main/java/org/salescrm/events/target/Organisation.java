package org.salescrm.events.target;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of the organisation's records in events. Regions and teams are named by their codes
 * ({@code east}); events need UUIDs, so each code maps to a name-based UUID that every service
 * computes alike. All organisation events share one partition key, so that consumers read every
 * change in the order it was made (a team's derived superior depends on its region's head).
 */
public final class Organisation {

    /** The Kafka key of every organisation event. */
    public static final UUID PARTITION_KEY = nameBased("organisation");

    private Organisation() {
    }

    public static UUID regionId(String region) {
        return nameBased("region:" + region);
    }

    public static UUID teamId(String team) {
        return nameBased("team:" + team);
    }

    private static UUID nameBased(String name) {
        return UUID.nameUUIDFromBytes(("crm.organisation/" + name).getBytes(StandardCharsets.UTF_8));
    }
}
