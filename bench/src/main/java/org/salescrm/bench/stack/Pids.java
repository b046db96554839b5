package org.salescrm.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The pid a service's launcher wrote, and what the kernel says about the process. */
public final class Pids {

    private Pids() {
    }

    static long read(Path pidFile) {
        try {
            // postmaster.pid holds more lines after the pid; a launcher's pid file only the pid.
            return Long.parseLong(Files.readString(pidFile).lines().findFirst().orElse("").trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no pid in " + pidFile, e);
        }
    }

    /** Resident memory in MB, from VmRSS in /proc/&lt;pid&gt;/status (Linux only). */
    public static double rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "(no /proc/loadavg)";
        }
    }
}
