package org.salescrm.events;

/**
 * One kind of event: its CloudEvents {@code type} (versioned, e.g.
 * {@code crm.opportunity.stage-changed.v1}), the record that carries it and its topic.
 * A breaking change is a new type with a new version suffix, never an edit of an old one.
 */
public record EventType<T extends DomainEvent>(String name, Class<T> dataClass, String topic) {
}
