package org.salescrm.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * CPU time per process over a measurement, from /proc (Linux): user + system ticks of a process and its descendants
 * (PostgreSQL's backends are children of the postmaster), and of the whole machine from /proc/stat. On a machine
 * shared with other builds the request rates say little alone; the CPU each process spent per request does not
 * depend on what else runs, and the machine's total says how much of the two cores the stack actually got.
 */
public final class CpuMeter {

    /** USER_HZ: the unit of /proc's tick counts on Linux. */
    private static final double TICK_MILLIS = 10.0;

    private final Map<String, LongSupplier> processes = new LinkedHashMap<>();
    private final Map<String, Boolean> withDescendants = new LinkedHashMap<>();

    /** A process and its descendants, counted under {@code name}; a pid below 0 counts nothing (not running). */
    public CpuMeter watch(String name, LongSupplier pid) {
        processes.put(name, pid);
        withDescendants.put(name, true);
        return this;
    }

    /** A process without its children (the benchmark's own JVM, whose children are counted on their own). */
    public CpuMeter watchAlone(String name, LongSupplier pid) {
        processes.put(name, pid);
        withDescendants.put(name, false);
        return this;
    }

    public Snapshot snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        processes.forEach((name, pid) -> ticks.put(name, withDescendants.get(name)
                ? treeTicks(pid.getAsLong()) : processTicks(pid.getAsLong())));
        return new Snapshot(ticks, machineBusyTicks(), System.nanoTime());
    }

    /** CPU ms per unit of work ({@code units} requests or events) for each process, and who else used the machine. */
    public String perUnit(Snapshot before, Snapshot after, long units, String unit) {
        if (units == 0) {
            // Nothing done: CPU seconds over the window say where the time went instead.
            return perUnit(before, after, 1000, "second of CPU time, in s").replace("CPU ms per second of CPU time, in s",
                    "CPU s (no " + unit + " done)");
        }
        StringBuilder out = new StringBuilder();
        long ours = 0;
        for (String name : processes.keySet()) {
            long ticks = after.ticks.get(name) - before.ticks.get(name);
            ours += ticks;
            out.append(String.format("%s %.2f, ", name, ticks * TICK_MILLIS / Math.max(1, units)));
        }
        double seconds = (after.nanos - before.nanos) / 1e9;
        long machine = after.machineBusy - before.machineBusy;
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format("CPU ms per %s: %stotal %.2f; of the %d cores' %.0f s, the stack used %.0f%%, other "
                        + "processes %.0f%%", unit, out, ours * TICK_MILLIS / Math.max(1, units), cores, cores * seconds,
                100 * ours * TICK_MILLIS / 1000 / (cores * seconds),
                100 * Math.max(0, machine - ours) * TICK_MILLIS / 1000 / (cores * seconds));
    }

    private static long treeTicks(long pid) {
        if (pid < 0) {
            return 0;
        }
        long ticks = processTicks(pid);
        ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
        if (handle != null) {
            ticks += handle.descendants().mapToLong(child -> processTicks(child.pid())).sum();
        }
        return ticks;
    }

    private static long processTicks(long pid) {
        try {
            return ProcStat.parse(Files.readString(Path.of("/proc", String.valueOf(pid), "stat"))).ticks();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** All CPUs' busy ticks (everything but idle and iowait) from the first line of /proc/stat. */
    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    public record Snapshot(Map<String, Long> ticks, long machineBusy, long nanos) {
    }
}
