package org.salescrm.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Telling whether a recorded pid is still one of ours. */
final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * The live process a pid file names, provided its command line mentions {@code marker} (the stack's work
     * folder): a pid recycled by the system for something else is never touched.
     */
    static Optional<ProcessHandle> recorded(Path pidFile, String marker) {
        return readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(handle -> commandLine(handle).contains(marker));
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Linux' /proc has the whole command line (the JDK's may be cut short for Keycloak's long one); elsewhere (macOS)
     * the JDK asks the system its own way.
     */
    static String commandLine(ProcessHandle handle) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(handle.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return handle.info().commandLine().orElse("");
        }
    }
}
