package org.salescrm.bench.profile;

import java.util.List;

/**
 * A JVM's garbage collections and their total pause time, from {@code jstat -gc} (the JDK's own counters): read before
 * and after a run, without a JFR recording, whose start makes the JIT compile much of the service again and so would
 * disturb the latency it is put beside.
 */
public final class GcCounters {

    private final long pid;
    private final double[] before;

    private GcCounters(long pid, double[] before) {
        this.pid = pid;
        this.before = before;
    }

    public static GcCounters start(long pid) {
        return new GcCounters(pid, read(pid));
    }

    /** Collections and pause time since {@link #start}, young and full. */
    public String since() {
        double[] after = read(pid);
        return String.format("%.0f young collections, %.0f full, pauses %.0f ms in all", after[0] - before[0],
                after[2] - before[2], 1000 * ((after[1] - before[1]) + (after[3] - before[3])));
    }

    /** YGC, YGCT (s), FGC, FGCT (s) from the last line of {@code jstat -gc}, zeros when it cannot be read. */
    private static double[] read(long pid) {
        try {
            List<String> lines = JdkTools.run("jstat", "-gc", String.valueOf(pid));
            List<String> names = List.of(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            return new double[] {value(names, values, "YGC"), value(names, values, "YGCT"),
                    value(names, values, "FGC"), value(names, values, "FGCT")};
        } catch (RuntimeException e) {
            return new double[4];
        }
    }

    private static double value(List<String> names, String[] values, String name) {
        String value = values[names.indexOf(name)];
        return "-".equals(value) ? 0 : Double.parseDouble(value);
    }
}
