package org.salescrm.embedded;

import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real Apache Kafka broker, in KRaft mode (one node that is both broker and controller), running inside this JVM.
 * <p>
 * Ports and data directory are fixed when the broker is built, so {@link #stop()} then {@link #start()} brings it
 * back on the same address with the records it had. Closed when the JVM exits unless closed before. Free of
 * test-framework types: the local stack uses it too.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final int port;
    private final int controllerPort;
    private final Path dataDirectory;
    private final boolean ownsDataDirectory;
    private final Thread closeOnExit;
    private KafkaRaftServer server;

    private KafkaBroker(Builder builder) {
        this.port = builder.port != 0 ? builder.port : FreePorts.pick();
        this.controllerPort = builder.controllerPort != 0 ? builder.controllerPort : FreePorts.pick();
        this.ownsDataDirectory = builder.dataDirectory == null;
        this.dataDirectory = ownsDataDirectory ? TempDirectories.create("kafka") : builder.dataDirectory;
        this.closeOnExit = ShutdownHooks.closeOnExit("kafka-broker", this);
    }

    /** A broker on free ports with a temporary data directory that {@link #close()} deletes. */
    public static KafkaBroker onFreePort() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the broker and returns once it accepts clients; does nothing when it is already running. */
    public synchronized KafkaBroker start() {
        if (server != null) {
            return this;
        }
        QuietLogging.kafka();
        long began = System.nanoTime();
        KafkaConfig config = new KafkaConfig(serverProperties(), false);
        formatOnFirstStart(config);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            // A half-started server still holds ports and the log-directory lock; release them before failing.
            shutDown(starting);
            throw e;
        }
        server = starting;
        long millis = millisSince(began);
        LOG.log(Level.INFO, () -> String.format("Kafka broker up on %s in %d ms (data in %s)",
                bootstrapServers(), millis, dataDirectory));
        return this;
    }

    /** Shuts the broker down cleanly, keeping its data so that {@link #start()} resumes where it stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long began = System.nanoTime();
        shutDown(server);
        server = null;
        long millis = millisSince(began);
        LOG.log(Level.INFO, () -> String.format("Kafka broker on %s stopped in %d ms", bootstrapServers(), millis));
    }

    /** Stops the broker and deletes its data directory when the broker created it. */
    @Override
    public synchronized void close() {
        stop();
        if (ownsDataDirectory) {
            TempDirectories.delete(dataDirectory);
        }
        ShutdownHooks.forget(closeOnExit);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Creates each topic that does not exist yet, with the broker's default partition count. */
    public void createTopics(String... names) {
        createTopics(Optional.empty(), names);
    }

    /** Creates each topic that does not exist yet, with the given number of partitions. */
    public void createTopics(int partitions, String... names) {
        createTopics(Optional.of(partitions), names);
    }

    private void createTopics(Optional<Integer> partitions, String... names) {
        if (names.length == 0) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Arrays.stream(names).distinct()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, Optional.empty()))
                    .toList();
            admin.createTopics(missing).values().values().forEach(KafkaBroker::awaitCreated);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topics " + Arrays.toString(names), e);
        }
    }

    private static void awaitCreated(KafkaFuture<Void> creation) {
        try {
            creation.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another caller may have created the same topic between our listing and our request.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> serverProperties() {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDirectory.toString());
        props.putAll(singleNodeSettings());
        props.putAll(smallFootprintSettings());
        return props;
    }

    /** A single node can only hold one replica of anything, internal topics included. */
    private static Map<String, String> singleNodeSettings() {
        return Map.ofEntries(
                Map.entry("auto.create.topics.enable", "true"),
                // every topic created without a count, and every auto-created one, alike: analytics' facts channel needs
                // its four topics co-partitioned (equal counts); a test that wants more passes one count for all four
                Map.entry("num.partitions", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.num.partitions", "1"),
                // Tests join a group and expect records at once, not after the usual 3 s wait for more members.
                Map.entry("group.initial.rebalance.delay.ms", "0"));
    }

    /** Production defaults size for heavy traffic; a test broker shares a JVM with the code under test. */
    private static Map<String, String> smallFootprintSettings() {
        return Map.ofEntries(
                Map.entry("log.segment.bytes", String.valueOf(1024 * 1024)),
                Map.entry("offsets.topic.segment.bytes", String.valueOf(1024 * 1024)),
                Map.entry("transaction.state.log.segment.bytes", String.valueOf(1024 * 1024)),
                Map.entry("log.index.size.max.bytes", String.valueOf(128 * 1024)),
                // The log cleaner allocates its dedupe buffer up front: 128 MiB by default.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024)),
                Map.entry("log.cleaner.threads", "1"),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2"),
                Map.entry("background.threads", "2"),
                Map.entry("num.recovery.threads.per.data.dir", "1"));
    }

    private void formatOnFirstStart(KafkaConfig config) {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dataDirectory.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + dataDirectory, e);
        }
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Fixed ports and a fixed data directory let a launcher keep the same broker across runs. */
    public static final class Builder {
        private int port;
        private int controllerPort;
        private Path dataDirectory;

        private Builder() {
        }

        /** The client port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The KRaft controller port; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Where the broker keeps its logs; kept by {@link KafkaBroker#close()}. Default: a temporary directory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public KafkaBroker build() {
            return new KafkaBroker(this);
        }
    }
}
