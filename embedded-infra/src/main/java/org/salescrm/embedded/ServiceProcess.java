package org.salescrm.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child process with its output in a log file, ready once an HTTP address answers 200: a built Quarkus service
 * ({@code target/quarkus-app}) as its own JVM, or any other server (the local stack's Keycloak). The one launcher of
 * the end-to-end tests and of the local stack.
 * <p>
 * {@link #close()} stops it and everything it started (SIGTERM, so Quarkus shuts down in order; SIGKILL after
 * 20 seconds), and so does the JVM's exit. For the local stack a child may run in a session of its own
 * ({@link #ownSession()}: Ctrl-C reaches only the launcher, which stops the children in order) and leave its pid in
 * a file ({@link #pidFile(Path)}), so that a later {@code ./crm down} finds it even if the launcher was killed.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Generous: on a busy two-core machine, five JVMs starting at once each take well over a minute. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * The JVM of every service, chosen by measuring four services starting at once on two cores (the figures are in
     * this module's README). The serial collector: a heap this small gains nothing from G1's concurrent threads and
     * remembered sets. A small initial heap that grows only as far as the live set (~30 MB after load) needs. Metaspace
     * (~105 MB used) and the code cache capped, so neither grows unseen; half-size thread stacks. C1 only: the C2
     * compiler took half of each start's CPU and ~40 MB of memory, and these runs (tests, {@code ./crm}) are short;
     * the container images keep C2 for long-lived instances (see {@link #longLived}). Native memory the JVM has freed
     * handed back to the system every 5 s: glibc otherwise keeps it (27–61 MB a service after load). Out of memory ends
     * the process rather than limping on.
     */
    private static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms32m", "-Xmx160m", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m",
            "-Xss512k", "-XX:TrimNativeHeapInterval=5000", "-XX:+ExitOnOutOfMemoryError");
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /**
     * glibc gives each thread that allocates an arena of its own, up to eight per core, and each keeps what it once
     * held: two arenas are enough for the few threads that allocate natively (Netty, Kafka, the JIT).
     */
    private static final Map<String, String> SERVICE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
    /**
     * The classes a service loads as it starts, archived by Quarkus when it packaged the service
     * ({@code quarkus.package.jar.appcds.enabled}): the JVM maps them instead of reading and verifying each again.
     */
    private static final String CLASS_ARCHIVE = "app-cds.jsa";

    private final String name;
    private final Path applicationDirectory;
    private final List<String> command;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Path log;
    private int port;
    private String readyUrl;
    private Path workingDirectory;
    private Path pidFile;
    private boolean ownSession;
    private boolean longLived;
    private Process process;
    private Thread shutdownHook;

    private ServiceProcess(String name, Path applicationDirectory, List<String> command, Path log) {
        this.name = name;
        this.applicationDirectory = applicationDirectory;
        this.command = command;
        this.log = log;
    }

    /** A Quarkus service on a free port; {@code applicationDirectory} holds {@code quarkus-run.jar}. */
    public static ServiceProcess of(String name, Path applicationDirectory, Path log) {
        ServiceProcess service = new ServiceProcess(name, applicationDirectory, List.of(), log);
        service.port = FreePorts.pick();
        service.workingDirectory = applicationDirectory;
        return service;
    }

    /** Any server: ready when {@code readyUrl} answers 200. */
    public static ServiceProcess command(String name, List<String> command, String readyUrl, Path log) {
        ServiceProcess server = new ServiceProcess(name, null, List.copyOf(command), log);
        server.readyUrl = readyUrl;
        return server;
    }

    /** A system property of the service's JVM. */
    public ServiceProcess with(String property, String value) {
        properties.put(property, value);
        return this;
    }

    public ServiceProcess environment(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** The service's HTTP port, instead of a free one. */
    public ServiceProcess port(int port) {
        this.port = port;
        return this;
    }

    public ServiceProcess workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /** Where the pid is written while the process runs. */
    public ServiceProcess pidFile(Path file) {
        this.pidFile = file;
        return this;
    }

    /** Runs the process in a session of its own (setsid, where the system has it): a terminal's Ctrl-C skips it. */
    public ServiceProcess ownSession() {
        this.ownSession = true;
        return this;
    }

    /** Keeps the C2 compiler, as the container images do, for a run measured for its throughput once warm. */
    public ServiceProcess longLived() {
        this.longLived = true;
        return this;
    }

    /** Starts it and returns once it is ready; fails with the log's tail otherwise. */
    public ServiceProcess start() {
        launch();
        awaitReady(READY_TIMEOUT);
        return this;
    }

    /** Starts it without waiting: see {@link #awaitReady(Duration)}. */
    public synchronized ServiceProcess launch() {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(fullCommand())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            builder.environment().putAll(SERVICE_ENVIRONMENT);
            builder.environment().putAll(environment);
            process = builder.start();
            if (pidFile != null) {
                Files.createDirectories(pidFile.toAbsolutePath().getParent());
                Files.writeString(pidFile, process.pid() + "\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
        shutdownHook = ShutdownHooks.closeOnExit(name, this);
        return this;
    }

    /** Polls the ready address until it answers 200; fails early, with the log's tail, if the process exits. */
    public void awaitReady(Duration timeout) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(readyUrl())).timeout(Duration.ofSeconds(3)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process running = current();
            if (running == null || !running.isAlive()) {
                throw new IllegalStateException(name + " exited" + (running == null ? "" : " with code " + running.exitValue())
                        + " before it was ready; the end of " + log + ":\n" + tail(log, 40));
            }
            if (answersOk(ready)) {
                return;
            }
            pause(running);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s (" + readyUrl()
                + "); the end of " + log + ":\n" + tail(log, 40));
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** The running process's id (its memory can be read in {@code /proc/<pid>/status}). */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the process and its descendants: SIGTERM, then SIGKILL to what still runs after 20 seconds. */
    @Override
    public void close() {
        end(running -> stopTree(running, STOP_GRACE));
    }

    /** SIGKILL, as a crash ends it: no shutdown hooks, no goodbye to the broker or the database. */
    public void kill() {
        end(running -> {
            running.destroyForcibly();
            awaitExit(running, TimeUnit.SECONDS.toNanos(10));
        });
    }

    /** Ends the process the given way and forgets it, so that {@link #start()} may run it again. */
    private void end(Consumer<ProcessHandle> ending) {
        Process running;
        synchronized (this) {
            running = process;
            process = null;
        }
        if (running != null) {
            ending.accept(running.toHandle());
        }
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // Only a hint for a later stop; a stale one is checked against the live process anyway.
            }
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            ShutdownHooks.forget(shutdownHook);
        }
    }

    /** SIGTERM to the process and its descendants, SIGKILL to whatever still runs after {@code grace}. */
    public static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : all) {
            awaitExit(handle, Math.max(deadline - System.nanoTime(), 1));
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        all.forEach(handle -> awaitExit(handle, TimeUnit.SECONDS.toNanos(5)));
    }

    /** GET {@code url} answers 200. */
    public static boolean answersOk(String url) {
        return answersOk(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build());
    }

    /** The last lines of a log file, for an error message. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log at " + file + ")";
        }
    }

    private String readyUrl() {
        return Optional.ofNullable(readyUrl).orElseGet(() -> baseUrl() + "/q/health/ready");
    }

    private List<String> fullCommand() {
        List<String> full = new ArrayList<>();
        if (ownSession && (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid")))) {
            full.add("setsid");
        }
        if (applicationDirectory == null) {
            full.addAll(command);
            return full;
        }
        Path jar = applicationDirectory.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (./mvnw package -DskipTests -pl "
                    + name + " -am)");
        }
        full.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        full.addAll(SERVICE_JVM_OPTIONS);
        // The archive names the jar as it was packaged, relative to its directory: it is used when run from there.
        boolean archived = Files.isRegularFile(applicationDirectory.resolve(CLASS_ARCHIVE))
                && applicationDirectory.equals(workingDirectory);
        if (archived) {
            full.add("-XX:SharedArchiveFile=" + CLASS_ARCHIVE);
        }
        if (!longLived) {
            full.add(C1_ONLY);
        }
        full.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> full.add("-D" + key + "=" + value));
        full.add("-jar");
        full.add(archived ? jar.getFileName().toString() : jar.toAbsolutePath().toString());
        return full;
    }

    private synchronized Process current() {
        return process;
    }

    private static java.io.File nullDevice() {
        return Path.of(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null").toFile();
    }

    private static boolean answersOk(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a service", e);
        }
    }

    /** Waiting on the process itself wakes up early if it dies. */
    private static void pause(Process running) {
        try {
            running.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a service", e);
        }
    }

    private static void awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            // Still running: forced next, or beyond us after SIGKILL (a status check shows its port).
        }
    }
}
