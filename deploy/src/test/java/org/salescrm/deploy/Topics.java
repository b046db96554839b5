package org.salescrm.deploy;

import java.util.Set;
import java.util.TreeSet;

/** The topics every deployment must create. */
final class Topics {

    private Topics() {
    }

    /**
     * The events' topics, a dead-letter topic per service (each consumes something, DESIGN.md), and
     * any other topic a channel of a service names.
     */
    static Set<String> expected() {
        Set<String> topics = new TreeSet<>(org.salescrm.events.Topics.ALL);
        for (String service : Repository.serviceModules()) {
            topics.add(org.salescrm.events.Topics.deadLetter(service));
            topics.addAll(ServiceConfiguration.of(service).topics());
        }
        return topics;
    }

    static boolean isDeadLetter(String topic) {
        return topic.startsWith(org.salescrm.events.Topics.deadLetter(""));
    }
}
