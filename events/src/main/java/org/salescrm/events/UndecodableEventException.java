package org.salescrm.events;

/** A Kafka record that is not a valid event of a known type: retrying cannot help, so it is dead-lettered at once. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message) {
        super(message);
    }

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
