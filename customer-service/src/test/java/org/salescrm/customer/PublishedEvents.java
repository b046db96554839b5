package org.salescrm.customer;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.salescrm.embedded.SharedKafka;
import org.salescrm.events.DomainEvent;
import org.salescrm.events.EventCodec;
import org.salescrm.events.Topics;

/**
 * Everything customer-service publishes on crm.customers and crm.opportunities during the test run, read from the real
 * broker by one consumer started on first use and kept for the JVM's life.
 */
public final class PublishedEvents {

    private static ConsumerTask<String, String> customers;

    private PublishedEvents() {
    }

    private static synchronized ConsumerTask<String, String> customers() {
        if (customers == null) {
            customers = new KafkaCompanion(SharedKafka.bootstrapServers()).consumeStrings()
                    .fromTopics(Topics.CUSTOMERS, Topics.OPPORTUNITIES);
        }
        return customers;
    }

    /** The events of one customer of one type, in the order published. */
    public static <T extends DomainEvent> List<T> of(String customerId, Class<T> type) {
        return customers().getRecords().stream()
                .filter(r -> customerId.equals(r.key()))
                .map(r -> EventCodec.data(EventCodec.read(r.value())))
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** Waits until the customer's events of that type number {@code count}, and returns them. */
    public static <T extends DomainEvent> List<T> await(String customerId, Class<T> type, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> of(customerId, type).size() >= count);
        return of(customerId, type);
    }

    /** Starts reading before the first event of a test is written: the consumer reads from the start anyway. */
    public static void start() {
        customers();
    }
}
