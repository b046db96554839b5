package org.salescrm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Temporary data directories named after the JVM that owns them, so that the next run can remove what a killed
 * JVM left behind (its directories and any PostgreSQL server still running on them) instead of letting them pile up.
 */
final class TempDirectories {

    // One root per user: a root directory created by one user is not writable by another.
    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"),
            "salescrm-test-support-" + System.getProperty("user.name"));

    private TempDirectories() {
    }

    static Path create(String kind) {
        try {
            Files.createDirectories(ROOT);
            removeOrphans(kind);
            return Files.createTempDirectory(ROOT, kind + "-" + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }

    private static void removeOrphans(String kind) throws IOException {
        List<Path> candidates;
        try (Stream<Path> children = Files.list(ROOT)) {
            candidates = children.filter(dir -> dir.getFileName().toString().startsWith(kind + "-")).toList();
        }
        for (Path dir : candidates) {
            if (ownerPid(dir).filter(TempDirectories::isAlive).isEmpty()) {
                stopOrphanedPostgres(dir);
                delete(dir);
            }
        }
    }

    private static Optional<Long> ownerPid(Path dir) {
        String[] parts = dir.getFileName().toString().split("-");
        try {
            return parts.length >= 2 ? Optional.of(Long.parseLong(parts[1])) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** PostgreSQL runs detached from the JVM that started it, so it outlives a killed JVM. */
    private static void stopOrphanedPostgres(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        // The pid may have been reused since; only stop it if it still is a postgres process.
        ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(process -> process.info().command().orElse("").contains("postgres"))
                .ifPresent(TempDirectories::terminate);
    }

    private static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
