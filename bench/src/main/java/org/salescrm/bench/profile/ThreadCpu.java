package org.salescrm.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.salescrm.bench.stack.ProcStat;

/**
 * Where one JVM's CPU time went over a measurement, by kind of thread, from /proc/&lt;pid&gt;/task (Linux): the event
 * loops, the JIT compilers, the garbage collector and the rest, and how much of it was spent in the kernel. A JFR
 * execution sample sees only threads running Java code; this sees every tick the process was charged.
 */
public final class ThreadCpu {

    private static final String JIT = "JIT";
    private static final ProcStat NOT_YET_STARTED = new ProcStat("", 0, 0);

    private final long pid;
    private final Map<String, ProcStat> before;

    private ThreadCpu(long pid, Map<String, ProcStat> before) {
        this.pid = pid;
        this.before = before;
    }

    public static ThreadCpu start(long pid) {
        return new ThreadCpu(pid, ticksByThread(pid));
    }

    /** The shares since {@link #start}: e.g. {@code event loops 61%, JIT 14%, GC 9%, other 16%; kernel 27%}. */
    public String shares() {
        Spent spent = spent();
        long all = Math.max(1, spent.total());
        return spent.byKind().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format("%s %.0f%%", e.getKey(), 100.0 * e.getValue() / all))
                .collect(Collectors.joining(", ")) + String.format("; in the kernel %.0f%%", 100.0 * spent.kernel() / all);
    }

    /** The JIT compilers' share of the process's CPU since {@link #start}, 0 to 1. */
    public double jitShare() {
        Spent spent = spent();
        return spent.byKind().getOrDefault(JIT, 0L) / (double) Math.max(1, spent.total());
    }

    private Spent spent() {
        Map<String, Long> byKind = new HashMap<>();
        long total = 0;
        long kernel = 0;
        for (Map.Entry<String, ProcStat> thread : ticksByThread(pid).entrySet()) {
            ProcStat was = before.getOrDefault(thread.getKey(), NOT_YET_STARTED);
            long user = Math.max(0, thread.getValue().userTicks() - was.userTicks());
            long system = Math.max(0, thread.getValue().systemTicks() - was.systemTicks());
            byKind.merge(kind(thread.getKey()), user + system, Long::sum);
            total += user + system;
            kernel += system;
        }
        return new Spent(byKind, total, kernel);
    }

    private record Spent(Map<String, Long> byKind, long total, long kernel) {
    }

    private static String kind(String threadKey) {
        String name = threadKey.substring(threadKey.indexOf(' ') + 1);
        if (name.startsWith("vert.x-eventloo")) {
            return "event loops";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return JIT;
        }
        if (name.startsWith("VM Thread") || name.startsWith("GC Thread")) {
            return "GC and safepoints";
        }
        if (name.startsWith("vert.x-worker") || name.startsWith("executor-thread")) {
            return "worker threads";
        }
        if (name.startsWith("kafka-") || name.startsWith("smallrye-kafka")) {
            return "Kafka clients";
        }
        return "other";
    }

    /** Thread id and name (the kernel's 15-character comm) to its ticks. */
    private static Map<String, ProcStat> ticksByThread(long pid) {
        Map<String, ProcStat> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    ProcStat stat = ProcStat.parse(Files.readString(task.resolve("stat")));
                    ticks.put(task.getFileName() + " " + stat.name(), stat);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException | RuntimeException gone) {
            // the process is not running
        }
        return ticks;
    }
}
