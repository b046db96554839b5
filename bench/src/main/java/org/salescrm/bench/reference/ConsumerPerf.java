package org.salescrm.bench.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker's own limit for reading a topic: Kafka's {@code ConsumerPerformance} (artifact kafka-tools, the class
 * behind kafka-consumer-perf-test.sh), run as its own JVM against the same broker and topic the ingest reads.
 */
public final class ConsumerPerf {

    private static final String TOOL = "org.apache.kafka.tools.ConsumerPerformance";

    private final String bootstrapServers;
    private final Path log;

    public ConsumerPerf(String bootstrapServers, Path work) {
        this.bootstrapServers = bootstrapServers;
        this.log = work.resolve("consumer-perf.log");
    }

    /**
     * Records per second while fetching ({@code fetch.nMsg.sec}): the tool's whole-run figure also holds its group
     * join, a fixed few seconds that would make the broker look slower the smaller the backlog.
     */
    public double recordsPerSecond(String topic, long messages) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), TOOL, "--bootstrap-server", bootstrapServers,
                "--topic", topic, "--messages", String.valueOf(messages), "--group", "bench-consumer-perf",
                "--timeout", "60000");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.waitFor(10, TimeUnit.MINUTES);
            return parse(Files.readAllLines(log));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + TOOL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The tool prints a CSV header ("start.time, end.time, …, fetch.nMsg.sec") and, after any log lines, the values. */
    private double parse(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            List<String> header = List.of(lines.get(i).split(",\\s*"));
            int column = header.indexOf("fetch.nMsg.sec");
            if (column < 0) {
                continue;
            }
            for (String values : lines.subList(i + 1, lines.size())) {
                String[] fields = values.split(",\\s*");
                if (fields.length == header.size()) {
                    return Double.parseDouble(fields[column]);
                }
            }
        }
        throw new IllegalStateException(TOOL + " printed no fetch.nMsg.sec; see " + log + ":\n" + String.join("\n", lines));
    }
}
