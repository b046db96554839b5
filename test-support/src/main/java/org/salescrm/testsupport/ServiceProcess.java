package org.salescrm.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One built Quarkus service ({@code target/quarkus-app}) running as its own JVM, configured by
 * system properties, with its output in a log file. Used by tests that cross services and by the
 * local stack.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Generous: on a busy two-core machine, five JVMs starting at once each take well over a minute. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration POLL = Duration.ofMillis(250);

    private final String name;
    private final Path applicationDirectory;
    private final int port;
    private final Map<String, String> properties;
    private final Path log;
    private Process process;
    private Thread shutdownHook;

    private ServiceProcess(String name, Path applicationDirectory, int port, Map<String, String> properties, Path log) {
        this.name = name;
        this.applicationDirectory = applicationDirectory;
        this.port = port;
        this.properties = properties;
        this.log = log;
    }

    /** A service on a free port; {@code applicationDirectory} holds {@code quarkus-run.jar}. */
    public static ServiceProcess of(String name, Path applicationDirectory, Path log) {
        return new ServiceProcess(name, applicationDirectory, FreePorts.pick(), new LinkedHashMap<>(), log);
    }

    public ServiceProcess with(String property, String value) {
        properties.put(property, value);
        return this;
    }

    /** Starts the JVM and returns once {@code /q/health/ready} answers 200; fails with the log's tail otherwise. */
    public synchronized ServiceProcess start() {
        Path jar = applicationDirectory.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (run ./mvnw package)");
        }
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = new ProcessBuilder(command(jar))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        shutdownHook = ShutdownHooks.closeOnExit(name, this);
        awaitReady();
        return this;
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

    /** Stops the JVM gracefully (SIGTERM, so Quarkus shuts down in order), forcibly after 20 seconds. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            ShutdownHooks.forget(shutdownHook);
        }
    }

    private List<String> command(Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            if (isReady(http, ready)) {
                return;
            }
            pause();
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + "\n" + logTail());
    }

    private static boolean isReady(HttpClient http, HttpRequest ready) {
        try {
            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a service", e);
        }
    }

    /** Waiting on the process itself wakes up early if it dies. */
    private void pause() {
        try {
            process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a service", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
