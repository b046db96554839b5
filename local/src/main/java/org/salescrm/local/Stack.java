package org.salescrm.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.salescrm.events.Topics;
import org.salescrm.local.Components.Service;
import org.salescrm.local.demo.DemoLoader;
import org.salescrm.embedded.KafkaBroker;
import org.salescrm.embedded.PostgresServer;
import org.salescrm.embedded.ServiceProcess;

/**
 * The running local stack: PostgreSQL and Kafka inside this JVM's care (Kafka in-process, PostgreSQL as a child),
 * Keycloak, the four services and the web app as child processes. {@link #close()} stops everything, in reverse order; it runs
 * on Ctrl-C, on {@code ./crm down} (SIGTERM) and after a failed start.
 */
final class Stack implements AutoCloseable {

    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(180);
    /**
     * One count for every topic: analytics-service reads the four customer-keyed topics on one channel with the range
     * assignor, which keeps all of a customer's events on one instance only when their partition counts are equal.
     */
    private static final int PARTITIONS = 3;

    private final Layout layout;
    private final Map<String, String> env;
    private final Keycloak keycloak;
    private final List<ServiceProcess> services = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private boolean closed;

    Stack(Layout layout, Map<String, String> env) {
        this.layout = layout;
        this.env = env;
        this.keycloak = new Keycloak(layout);
    }

    /**
     * Starts every part (only PostgreSQL, Kafka and Keycloak with {@code infraOnly}) and returns once all are ready;
     * on failure, what started is stopped again.
     */
    void start(boolean demo, boolean infraOnly) {
        long began = System.nanoTime();
        Ports.requireFree(infraOnly ? Components.infrastructurePorts(env) : Components.ports(env));
        progress("Keycloak: preparing (realm " + layout.root().relativize(layout.realmFile()) + ")");
        keycloak.prepare();
        // Keycloak is the slowest part: it boots while the rest starts.
        keycloak.start();
        progress("Keycloak: starting on port " + Components.KEYCLOAK_PORT + " (log " + rel(layout.log(Components.KEYCLOAK)) + ")");
        startPostgres();
        startKafka();
        if (!infraOnly) {
            startServices();
            startWebApp();
            awaitServices();
        }
        progress("Keycloak: waiting for realm " + Keycloak.REALM + " (the slowest part, up to a minute on first start)");
        keycloak.awaitReady();
        progress("Keycloak: ready at " + Keycloak.baseUrl());
        if (demo) {
            new DemoLoader(System.out, user -> Keycloak.accessToken(user, DemoUsers.PASSWORD),
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))).load();
        }
        progress(String.format("everything is up in %.1f s", (System.nanoTime() - began) / 1e9));
    }

    private void startPostgres() {
        int port = Components.postgresPort(env);
        progress("PostgreSQL: starting on port " + port + " (data in " + rel(layout.postgresData()) + ")");
        postgres = PostgresServer.builder().port(port).dataDirectory(layout.postgresData()).build().start();
        writePid(Components.POSTGRES, postmasterPid());
        Components.SERVICES.forEach(service -> postgres.createDatabase(service.database()));
        progress("PostgreSQL: ready, databases " + Components.SERVICES.stream().map(Service::database).toList());
    }

    private long postmasterPid() {
        return ProcessTree.readPid(layout.postgresData().resolve("postmaster.pid")).orElse(-1L);
    }

    private void startKafka() {
        int port = Components.kafkaPort(env);
        progress("Kafka: starting on port " + port + " (KRaft, data in " + rel(layout.kafkaData()) + ")");
        kafka = KafkaBroker.builder().port(port).controllerPort(Components.kafkaControllerPort(env))
                .dataDirectory(layout.kafkaData()).build().start();
        List<String> topics = topics();
        kafka.createTopics(PARTITIONS, topics.toArray(String[]::new));
        progress("Kafka: ready, topics " + topics);
    }

    /** Every topic of the event catalogue and each service's dead-letter topic. */
    static List<String> topics() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        Components.SERVICES.forEach(service -> topics.add(Topics.deadLetter(service.name())));
        return topics;
    }

    private void startServices() {
        for (Service service : Components.SERVICES) {
            Path app = copyApp(service);
            ServiceProcess process = ServiceProcess.of(service.name(), app, layout.log(service.name()))
                    .port(service.port()).pidFile(layout.pidFile(service.name())).ownSession();
            serviceEnvironment(service).forEach(process::environment);
            services.add(process.launch());
            progress(service.name() + ": starting on port " + service.port() + " (log " + rel(process.log()) + ")");
        }
    }

    /** The web app, like a service, from its own copy; it reads the APIs' and Keycloak's addresses from its environment. */
    private void startWebApp() {
        Path app = copyApp(Components.WEB);
        ServiceProcess process = ServiceProcess.of(Components.WEB, app, layout.log(Components.WEB))
                .port(Components.WEB_PORT).pidFile(layout.pidFile(Components.WEB)).ownSession();
        webEnvironment().forEach(process::environment);
        services.add(process.launch());
        progress("web app: starting on port " + Components.WEB_PORT + " (log " + rel(process.log()) + ")");
    }

    /** What the web app hands the browser at /config.json: where to log in and where each API is. */
    static Map<String, String> webEnvironment() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("CRM_WEB_OIDC_AUTHORITY", Keycloak.realmUrl());
        for (Service service : Components.SERVICES) {
            String api = service.name().substring(0, service.name().indexOf('-')).toUpperCase(java.util.Locale.ROOT);
            vars.put("CRM_WEB_API_" + api, service.baseUrl());
        }
        return vars;
    }

    /** What each service reads (platform's microprofile-config.properties and its application.properties). */
    Map<String, String> serviceEnvironment(Service service) {
        Map<String, String> vars = new LinkedHashMap<>();
        int pg = Components.postgresPort(env);
        vars.put("CRM_DB_URL", "postgresql://localhost:" + pg + "/" + service.database());
        vars.put("CRM_DB_JDBC_URL", "jdbc:postgresql://localhost:" + pg + "/" + service.database());
        vars.put("CRM_DB_USER", "postgres");
        vars.put("CRM_DB_PASSWORD", "postgres");
        vars.put("CRM_KAFKA_BOOTSTRAP", "localhost:" + Components.kafkaPort(env));
        vars.put("CRM_OIDC_URL", Keycloak.realmUrl());
        // Webhooks refuse loopback targets in production; locally a receiver on this machine is the point.
        vars.put("CRM_WEBHOOKS_ALLOWED_HOSTS", "localhost,127.0.0.1");
        // No SMTP server runs locally: e-mail subscriptions are written to analytics-service's log instead of sent.
        vars.put("QUARKUS_MAILER_MOCK", "true");
        return vars;
    }

    /**
     * The service runs from its own copy, so that a rebuild does not pull the jars from under it. The jars keep their
     * times: the class archive packaged beside them is only used with the jars it was written from.
     */
    private Path copyApp(Service service) {
        return copyApp(service.name());
    }

    private Path copyApp(String module) {
        Path built = layout.builtApp(module);
        if (!Files.isRegularFile(built.resolve("quarkus-run.jar"))) {
            throw new StackException(module + " is not built (" + built.resolve("quarkus-run.jar")
                    + " is missing): ./mvnw package -DskipTests -pl " + module + " -am");
        }
        Path copy = layout.apps().resolve(module);
        Keycloak.deleteTree(copy);
        try (Stream<Path> files = Files.walk(built)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(built.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + built, e);
        }
        return copy;
    }

    private void awaitServices() {
        List<CompletableFuture<Void>> waits = services.stream()
                .map(process -> CompletableFuture.runAsync(() -> {
                    awaitReady(process, SERVICE_READY_TIMEOUT);
                    String what = process.name().equals(Components.WEB) ? "web app" : process.name();
                    progress(what + ": ready at " + process.baseUrl());
                }))
                .toList();
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A launcher's failure to start a child, told as the stack's: the message says it all. */
    static void awaitReady(ServiceProcess process, Duration timeout) {
        try {
            process.awaitReady(timeout);
        } catch (IllegalStateException e) {
            throw new StackException(e.getMessage(), e);
        }
    }

    /** Services (and the web app) that exited on their own since the start (a crash, an OOM), for the foreground watcher. */
    synchronized List<ServiceProcess> deadServices() {
        if (closed) {
            return List.of();
        }
        return services.stream().filter(process -> !process.isAlive()).toList();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        progress("stopping the web app and the services");
        services.parallelStream().forEach(ServiceProcess::close);
        progress("stopping Keycloak");
        keycloak.stop();
        if (kafka != null) {
            progress("stopping Kafka");
            kafka.close();
        }
        if (postgres != null) {
            progress("stopping PostgreSQL");
            postgres.close();
        }
        deletePid(Components.POSTGRES);
        progress("stopped");
    }

    private void writePid(String component, long pid) {
        try {
            Files.createDirectories(layout.run());
            Files.writeString(layout.pidFile(component), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deletePid(String component) {
        try {
            Files.deleteIfExists(layout.pidFile(component));
        } catch (IOException e) {
            // Only a hint for ./crm down; a stale one is checked against the live process anyway.
        }
    }

    private String rel(Path path) {
        return layout.root().relativize(path).toString();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void progress(String message) {
        System.out.println("[crm] " + message);
        System.out.flush();
    }
}
