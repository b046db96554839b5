package org.salescrm.bench.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.salescrm.bench.profile.StatementTimes;
import org.salescrm.embedded.KafkaBroker;
import org.salescrm.embedded.PostgresServer;
import org.salescrm.embedded.ServiceProcess;
import org.salescrm.events.Topics;
import org.salescrm.testsupport.TestTokens;

/**
 * The stack the way the tests and {@code ./crm} start it (embedded-infra): PostgreSQL with one database per service,
 * a KRaft broker with every topic, and the four packaged services as their own JVMs. Everything on free ports, so
 * it runs beside a {@code ./crm up}. The services accept the test-only tokens of {@link TestTokens} instead of
 * Keycloak's, as in the end-to-end tests: Keycloak is not on the request path (a service checks a token's signature
 * locally), so leaving it out changes no figure but the machine's free memory.
 */
public final class BenchStack implements AutoCloseable {

    public static final List<String> SERVICES =
            List.of("customer-service", "visit-service", "target-service", "analytics-service");
    /** As the local stack declares them: one count for every topic (analytics' facts channel needs them equal). */
    private static final int PARTITIONS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final Path work;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();

    private BenchStack(Path work, PostgresServer postgres, KafkaBroker kafka) {
        this.work = work;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static BenchStack startInfrastructure(Path work) {
        // Buffers sized as a database server's are (a good part of its memory), not initdb's 128 MB, so that the data
        // (about 800 MB before the ingest) can stay in PostgreSQL's own cache. It measured no different on 5 December:
        // the ingest's working set fitted in 128 MB too.
        PostgresServer.Builder builder = PostgresServer.builder().serverConfig("shared_buffers", "4GB");
        StatementTimes.SETTINGS.forEach(builder::serverConfig);
        PostgresServer postgres = builder.build().start();
        SERVICES.forEach(service -> postgres.createDatabase(database(service)));
        KafkaBroker kafka = KafkaBroker.onFreePort().start();
        List<String> topics = new ArrayList<>(Topics.ALL);
        SERVICES.forEach(service -> topics.add(Topics.deadLetter(service)));
        kafka.createTopics(PARTITIONS, topics.toArray(String[]::new));
        return new BenchStack(work, postgres, kafka);
    }

    /**
     * Starts the services at once, as {@code ./crm up} does, and answers each one's seconds from launch to ready.
     * {@code c2}: with the optimising compiler, as the images run them (and as throughput is measured); without it,
     * as {@code ./crm} runs them.
     */
    public Map<String, Double> startServices(List<String> services, boolean c2) {
        Map<String, CompletableFuture<Double>> ready = new LinkedHashMap<>();
        for (String service : services) {
            long launched = System.nanoTime();
            ServiceProcess process = process(service, c2);
            running.put(service, process.launch());
            ready.put(service, CompletableFuture.supplyAsync(() -> {
                process.awaitReady(READY_TIMEOUT);
                return (System.nanoTime() - launched) / 1e9;
            }));
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        ready.forEach((service, future) -> seconds.put(service, future.join()));
        return seconds;
    }

    /** Stops every running service, all at once. */
    public void stopAll() {
        List<ServiceProcess> processes = new ArrayList<>(running.values());
        running.clear();
        processes.stream().map(process -> CompletableFuture.runAsync(process::close)).toList()
                .forEach(CompletableFuture::join);
    }

    public void stop(String service) {
        ServiceProcess process = running.remove(service);
        if (process != null) {
            process.close();
        }
    }

    public String url(String service) {
        return running.get(service).baseUrl();
    }

    public long pid(String service) {
        return Pids.read(pidFile(service));
    }

    /** CPU of each service, PostgreSQL (postmaster and backends) and this JVM (the broker and the generator). */
    public CpuMeter cpuMeter() {
        CpuMeter meter = new CpuMeter();
        SERVICES.forEach(service -> meter.watch(database(service), () -> running.containsKey(service) ? pid(service) : -1));
        meter.watch("postgres", () -> Pids.read(postgres.dataDirectory().resolve("postmaster.pid")));
        meter.watchAlone("bench JVM (Kafka, generator)", () -> ProcessHandle.current().pid());
        return meter;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public static String database(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    @Override
    public void close() {
        new ArrayList<>(running.keySet()).forEach(this::stop);
        kafka.close();
        postgres.close();
    }

    private ServiceProcess process(String service, boolean c2) {
        Path app = Path.of("..", service, "target", "quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(service + " is not built; run the benchmark with -am (BENCHMARKS.md)");
        }
        String db = database(service);
        ServiceProcess process = ServiceProcess.of(service, app, work.resolve("logs").resolve(service + ".log"));
        if (c2) {
            process.longLived();
        }
        return process.pidFile(pidFile(service))
                .with("quarkus.datasource.jdbc.url", postgres.jdbcUrl(db))
                .with("quarkus.datasource.reactive.url", postgres.reactiveUrl(db))
                .with("quarkus.datasource.username", postgres.username())
                .with("quarkus.datasource.password", postgres.password())
                .with("kafka.bootstrap.servers", kafka.bootstrapServers())
                .with("quarkus.oidc.auth-server-url", "")
                .with("quarkus.oidc.public-key", TestTokens.publicKeyBase64())
                .with("quarkus.oidc.token.issuer", TestTokens.ISSUER)
                // The generator sends from one address at rates far above a person's.
                .with("crm.rate-limit.enabled", "false");
    }

    private Path pidFile(String service) {
        return work.resolve("run").resolve(service + ".pid");
    }
}
