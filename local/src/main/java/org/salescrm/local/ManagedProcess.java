package org.salescrm.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the stack (a service JVM, Keycloak) with its output in a log file and its pid in a pid file.
 * <p>
 * It runs in a session of its own ({@code setsid}): Ctrl-C on the terminal reaches only the launcher, which then
 * stops the children in order; and {@code ./crm down} can still find and stop them from the pid file if the
 * launcher itself was killed.
 */
final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path log;
    private final Path pidFile;
    private Process process;

    ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
                   Path log, Path pidFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.log = log;
        this.pidFile = pidFile;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    synchronized ManagedProcess start() {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            full.add("setsid");
        }
        full.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            Files.writeString(pidFile, process.pid() + "\n");
        } catch (IOException e) {
            throw new StackException("could not start " + name + ": " + e.getMessage(), e);
        }
        return this;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Polls {@code url} until it answers 200; fails early, with the log's tail, if the process exits. */
    void awaitHttpOk(String url, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process running = current();
            if (running == null || !running.isAlive()) {
                throw new StackException(name + " exited" + (running == null ? "" : " with code " + running.exitValue())
                        + " before it was ready; the end of " + log + ":\n" + tail(log, 30));
            }
            if (answersOk(request)) {
                return;
            }
            try {
                running.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + name);
            }
        }
        throw new StackException(name + " was not ready within " + timeout.toSeconds() + " s (" + url
                + "); the end of " + log + ":\n" + tail(log, 30));
    }

    static boolean answersOk(String url) {
        return answersOk(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build());
    }

    private static boolean answersOk(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM to the process and everything it started, SIGKILL to whatever is left after {@code grace}. */
    void stop(Duration grace) {
        Process running = current();
        if (running != null) {
            ProcessTree.stop(running.toHandle(), grace);
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized Process current() {
        return process;
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + file + ")";
        }
    }
}
