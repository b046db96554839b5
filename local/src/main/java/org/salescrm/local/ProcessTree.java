package org.salescrm.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Stopping a process with its descendants, and telling whether a recorded pid is still one of ours. */
final class ProcessTree {

    private ProcessTree() {
    }

    /** SIGTERM to the process and its descendants, SIGKILL to whatever still runs after {@code grace}. */
    static void stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // Still running after the grace period: forced below.
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        all.forEach(handle -> {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // A process that survives SIGKILL is beyond us; status will show its port.
            }
        });
    }

    /**
     * The live process a pid file names, provided its command line mentions {@code marker} (the stack's work
     * folder): a pid recycled by the system for something else is never touched.
     */
    static Optional<ProcessHandle> recorded(Path pidFile, String marker) {
        return readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(handle -> commandLine(handle.pid()).contains(marker));
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine()).orElse("");
        }
    }
}
