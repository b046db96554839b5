package org.salescrm.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.salescrm.events.customer.CustomerCreated;

/** Every event type the system publishes, with its topic. */
public final class EventCatalog {

    public static final List<EventType<?>> ALL = List.of(
            new EventType<>(CustomerCreated.TYPE, CustomerCreated.class, Topics.CUSTOMERS));

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType<?> typeOf(Class<?> dataClass) {
        EventType<?> type = BY_CLASS.get(dataClass);
        if (type == null) {
            throw new IllegalArgumentException(dataClass.getName() + " is not in the event catalog");
        }
        return type;
    }
}
