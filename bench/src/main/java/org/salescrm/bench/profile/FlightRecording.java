package org.salescrm.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A JFR recording of one service during one row (started and stopped with {@code jcmd}, so only that row is in it),
 * summarised from {@code jfr print --events jdk.ExecutionSample}: the hottest top frames, and for each sample the
 * first frame of our own code, which says which of our calls the time is spent under.
 */
public final class FlightRecording {

    private static final String OURS = "org.salescrm.";

    private final long pid;
    private final Path file;

    public FlightRecording(long pid, Path file) {
        this.pid = pid;
        this.file = file.toAbsolutePath();
    }

    public void start() {
        JdkTools.run("jcmd", String.valueOf(pid), "JFR.start", "name=bench", "settings=profile", "filename=" + file);
    }

    /** Stops the recording and writes the summary next to it; answers the summary. */
    public String stopAndSummarise(int top) {
        JdkTools.run("jcmd", String.valueOf(pid), "JFR.stop", "name=bench");
        List<List<String>> stacks = samples();
        String summary = "JFR execution samples of pid " + pid + ": " + stacks.size() + "\n\nTop frames:\n"
                + ranking(stacks.stream().map(s -> s.get(0)).toList(), stacks.size(), top)
                + "\nFirst frame of org.salescrm code in the stack (samples without one: framework, JDK, GC helpers):\n"
                + ranking(stacks.stream().map(FlightRecording::firstOfOurs).toList(), stacks.size(), top)
                + "\nTop frames by package:\n"
                + ranking(stacks.stream().map(s -> packageOf(s.get(0))).toList(), stacks.size(), top);
        try {
            Files.writeString(Path.of(file.toString().replace(".jfr", "-summary.txt")), summary);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return summary;
    }

    /** Each sample's stack, top frame first, from jfr's text output. */
    private List<List<String>> samples() {
        List<List<String>> stacks = new ArrayList<>();
        List<String> current = null;
        for (String line : JdkTools.run("jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64",
                file.toString())) {
            String trimmed = line.trim();
            if (trimmed.startsWith("stackTrace = [")) {
                current = new ArrayList<>();
            } else if (current != null && (trimmed.equals("]"))) {
                if (!current.isEmpty()) {
                    stacks.add(current);
                }
                current = null;
            } else if (current != null && !trimmed.equals("...")) {
                current.add(trimmed.replaceAll("\\s+line:.*$", ""));
            }
        }
        return stacks;
    }

    private static String firstOfOurs(List<String> stack) {
        return stack.stream().filter(frame -> frame.startsWith(OURS)).findFirst().orElse("(none of ours)");
    }

    private static String packageOf(String frame) {
        String method = frame.contains("(") ? frame.substring(0, frame.indexOf('(')) : frame;
        String[] parts = method.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, Math.max(1, parts.length - 2))));
    }

    private static String ranking(List<String> keys, int total, int top) {
        Map<String, Long> counts = new HashMap<>();
        keys.forEach(key -> counts.merge(key, 1L, Long::sum));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("  %5.1f%%  %s", 100.0 * e.getValue() / Math.max(1, total), e.getKey()))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
