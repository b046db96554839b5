package org.salescrm.testsupport;

/**
 * The one Kafka broker of this JVM, shared by every test class and every Quarkus application started in it.
 * <p>
 * Started on first use, stopped when the JVM exits. Works the same from a test resource and from inside a
 * {@code @QuarkusTest} method, although those may see different copies of this class (see {@link JvmWide}).
 * A test may {@link #stop()} the broker and {@link #start()} it again: it comes back on the same address with
 * the records it had.
 */
public final class SharedKafka {

    // Used only in the copy held by the system class loader.
    private static KafkaBroker broker;
    private static int brokersCreated;

    private SharedKafka() {
    }

    /** Where clients connect; the first call in this JVM starts the broker. */
    public static String bootstrapServers() {
        return (String) JvmWide.call(SharedKafka.class, "bootstrapServersHere");
    }

    /** Starts the broker again after {@link #stop()}; does nothing when it is running. */
    public static void start() {
        JvmWide.call(SharedKafka.class, "startHere");
    }

    /** Shuts the broker down (cleanly); clients find nobody there until {@link #start()}, which keeps its data. */
    public static void stop() {
        JvmWide.call(SharedKafka.class, "stopHere");
    }

    public static boolean isRunning() {
        return (Boolean) JvmWide.call(SharedKafka.class, "isRunningHere");
    }

    /** Creates the topics that do not exist yet. */
    public static void createTopics(String... names) {
        JvmWide.call(SharedKafka.class, "createTopicsHere", (Object) names);
    }

    /** Creates the topics that do not exist yet, with the given number of partitions. */
    public static void createTopics(int partitions, String... names) {
        JvmWide.call(SharedKafka.class, "createPartitionedTopicsHere", partitions, names);
    }

    /** How many brokers this JVM has created: one, however many test classes and applications used it. */
    static int brokersCreated() {
        return (Integer) JvmWide.call(SharedKafka.class, "brokersCreatedHere");
    }

    /** Created and started on first use; later only {@link #start()} and {@link #stop()} change its state. */
    private static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = KafkaBroker.onFreePort();
            brokersCreated++;
            broker.start();
        }
        return broker;
    }

    private static synchronized String bootstrapServersHere() {
        return broker().bootstrapServers();
    }

    private static synchronized void startHere() {
        broker().start();
    }

    private static synchronized void stopHere() {
        if (broker != null) {
            broker.stop();
        }
    }

    private static synchronized boolean isRunningHere() {
        return broker != null && broker.isRunning();
    }

    private static synchronized void createTopicsHere(String[] names) {
        broker().createTopics(names);
    }

    private static synchronized void createPartitionedTopicsHere(int partitions, String[] names) {
        broker().createTopics(partitions, names);
    }

    private static synchronized int brokersCreatedHere() {
        return brokersCreated;
    }
}
