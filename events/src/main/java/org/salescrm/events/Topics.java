package org.salescrm.events;

import java.util.List;

/** Kafka topic names, one per owning aggregate family, shared by code, configuration and tests. */
public final class Topics {

    public static final String CUSTOMERS = "crm.customers";
    public static final String OPPORTUNITIES = "crm.opportunities";
    public static final String VISITS = "crm.visits";
    public static final String FOLLOW_UPS = "crm.follow-ups";
    public static final String GOALS = "crm.goals";
    public static final String ALERTS = "crm.alerts";
    /** Regions and teams (target-service): one partition key, so every change is read in order. */
    public static final String ORGANISATION = "crm.organisation";

    public static final List<String> ALL = List.of(CUSTOMERS, OPPORTUNITIES, VISITS, FOLLOW_UPS, GOALS, ALERTS,
            ORGANISATION);

    /** What a consumer group's dead-letter topic starts with, before the group's name. */
    public static final String DEAD_LETTER_PREFIX = "crm.dlq.";

    /** A consumer's dead-letter topic: {@code crm.dlq.<consumer group>}. */
    public static String deadLetter(String consumerGroup) {
        return DEAD_LETTER_PREFIX + consumerGroup;
    }

    private Topics() {
    }
}
