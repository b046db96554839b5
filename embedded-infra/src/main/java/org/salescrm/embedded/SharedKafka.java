package org.salescrm.embedded;

import java.util.function.Supplier;

/**
 * The one Kafka broker of this JVM, shared by every test class and every Quarkus application started in it.
 * <p>
 * Started on first use, stopped when the JVM exits. Quarkus gives each application it starts class loaders of its
 * own; the tests load this module parent-first ({@code quarkus.class-loading.parent-first-artifacts}, set by the
 * parent pom), so every application sees this one class and its statics. A test may {@link #stop()} the broker and
 * {@link #start()} it again: it comes back on the same address with the records it had.
 */
public final class SharedKafka {

    private static KafkaBroker broker;
    private static int brokersCreated;

    private SharedKafka() {
    }

    /** Where clients connect; the first call in this JVM starts the broker. */
    public static synchronized String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** Starts the broker again after {@link #stop()}; does nothing when it is running. */
    public static synchronized void start() {
        inOwnClassLoader(() -> broker().start());
    }

    /** Shuts the broker down (cleanly); clients find nobody there until {@link #start()}, which keeps its data. */
    public static synchronized void stop() {
        if (broker != null) {
            inOwnClassLoader(() -> broker.stop());
        }
    }

    public static synchronized boolean isRunning() {
        return broker != null && broker.isRunning();
    }

    /** Creates the topics that do not exist yet. */
    public static synchronized void createTopics(String... names) {
        inOwnClassLoader(() -> broker().createTopics(names));
    }

    /** Creates the topics that do not exist yet, with the given number of partitions. */
    public static synchronized void createTopics(int partitions, String... names) {
        inOwnClassLoader(() -> broker().createTopics(partitions, names));
    }

    /** How many brokers this JVM has created: one, however many test classes and applications used it. */
    public static synchronized int brokersCreated() {
        return brokersCreated;
    }

    /** Created and started on first use; later only {@link #start()} and {@link #stop()} change its state. */
    private static KafkaBroker broker() {
        if (broker == null) {
            broker = inOwnClassLoader(() -> KafkaBroker.onFreePort().start());
            brokersCreated++;
        }
        return broker;
    }

    private static void inOwnClassLoader(Runnable action) {
        inOwnClassLoader(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Kafka loads classes by name through the context class loader, and its threads inherit it: while a Quarkus
     * application calls, that would be the application's class loader, whose Kafka classes are other copies than
     * the broker's (and which is closed when the application stops).
     */
    static <T> T inOwnClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SharedKafka.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
