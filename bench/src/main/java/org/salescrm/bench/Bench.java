package org.salescrm.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.salescrm.bench.alerts.EventToAlert;
import org.salescrm.bench.alerts.StallScan;
import org.salescrm.bench.alerts.ThresholdToAlert;
import org.salescrm.bench.data.BulkData;
import org.salescrm.bench.ingest.Backlog;
import org.salescrm.bench.ingest.ConsumerLag;
import org.salescrm.bench.load.ApiCall;
import org.salescrm.bench.load.ApiRows;
import org.salescrm.bench.load.Generator;
import org.salescrm.bench.load.Outcome;
import org.salescrm.bench.profile.FlightRecording;
import org.salescrm.bench.profile.GcCounters;
import org.salescrm.bench.profile.StatementTimes;
import org.salescrm.bench.profile.ThreadCpu;
import org.salescrm.bench.reference.ConsumerPerf;
import org.salescrm.bench.reference.PgBench;
import org.salescrm.bench.report.ResultTable;
import org.salescrm.bench.report.Row;
import org.salescrm.bench.stack.BenchStack;
import org.salescrm.bench.stack.CpuMeter;
import org.salescrm.bench.stack.Pids;
import org.salescrm.events.Topics;

/**
 * One run of the benchmark (BENCHMARKS.md): the stack on free ports, the data, each figure beside the machine's own
 * limit for the same work, one table printed and written to {@code target/bench/results.md}.
 */
public final class Bench {

    private static final String CUSTOMER = "customer-service";
    private static final String VISIT = "visit-service";
    private static final String ANALYTICS = "analytics-service";
    private static final String ANALYTICS_GROUP = "analytics-service";
    /** Requests kept in flight by the closed loop: enough to keep two cores' worth of services busy. */
    private static final int IN_FLIGHT = 16;
    private static final int ALERT_SAMPLES = 40;
    private static final int WARM_UP_REQUESTS = 5_000;
    private static final double SETTLED_JIT_SHARE = 0.10;
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(240);
    /** Longer than the scheduled scan's 30 s interval, so that a scan keeps the probe's moment before it passes. */
    private static final Duration THRESHOLD_AHEAD = Duration.ofSeconds(45);

    private final BenchConfig config;
    private final Path work;
    private final ResultTable table;
    private final BenchStack stack;
    private final Map<String, Double> startSeconds = new LinkedHashMap<>();
    private final Map<String, Double> idleRss = new LinkedHashMap<>();
    private final Map<String, Double> loadedRss = new LinkedHashMap<>();
    /** The services a JFR recording ran in so far: its buffers and classes stay in the process after it stops. */
    private final Set<String> recorded = new HashSet<>();
    /** The CPU of the last max run, a row of its own under the row of that run. */
    private String lastCpu = "";

    private Bench(BenchConfig config, Path work, ResultTable table, BenchStack stack) {
        this.config = config;
        this.work = work;
        this.table = table;
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        Path work = Path.of("target", "bench");
        // Logs are appended to: a run starts from an empty directory so that they hold only its own lines.
        deleteTree(work);
        ResultTable table = new ResultTable();
        long began = System.nanoTime();
        table.note(config.describe());
        table.note(String.format("machine: %d cores, %.1f GB RAM, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
                totalMemoryGb(), System.getProperty("java.version"), System.getProperty("java.vm.name")));
        table.note("/proc/loadavg at the start: " + Pids.loadAverage());
        try (BenchStack stack = BenchStack.startInfrastructure(work)) {
            new Bench(config, work, table, stack).run();
        }
        table.note("/proc/loadavg at the end: " + Pids.loadAverage());
        table.note(String.format("the whole run took %.0f s", (System.nanoTime() - began) / 1e9));
        table.write(work.resolve("results.md"));
        System.out.println("\n" + table.markdown());
        System.out.println("[bench] written to " + work.resolve("results.md").toAbsolutePath());
    }

    private void run() throws Exception {
        // First as ./crm starts the stack; then as the images run it, which every figure after this is measured on.
        stack.startServices(BenchStack.SERVICES, false).forEach((service, seconds) ->
                startSeconds.put(service + " (four starting at once, C1 only, as ./crm runs them)", seconds));
        stack.stopAll();
        stack.startServices(BenchStack.SERVICES, true).forEach((service, seconds) ->
                startSeconds.put(service + " (four starting at once, C1 and C2, as the images run them)", seconds));
        BenchStack.SERVICES.forEach(service -> idleRss.put(service, settledRss(service)));
        new BulkData(stack.postgres(), config).load();
        phase("first scan", this::firstScan);
        phase("threshold to alert", this::thresholdToAlert);
        phase("request rows", this::requestRows);
        phase("event to alert", this::eventToAlert);
        BenchStack.SERVICES.forEach(service -> loadedRss(service, ""));
        phase("stall scan", this::stallScan);
        phase("ingest", this::ingest);
        startAndMemoryRows();
    }

    /** A phase that fails is a row saying so, and the run goes on: the other figures still count. */
    private void phase(String name, Phase phase) {
        try {
            phase.run();
        } catch (Exception e) {
            e.printStackTrace();
            table.add(Row.of(name, "FAILED: " + e.getMessage().lines().findFirst().orElse(""), ""));
        }
    }

    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    private void requestRows() throws Exception {
        ApiRows rows = new ApiRows(stack.url(CUSTOMER), stack.url(VISIT), config.customers());
        PgBench pgbench = new PgBench(stack.postgres(), work, config.customers());
        try (Generator generator = new Generator()) {
            Outcome visitMax = maxThroughput(generator, "create-visit", rows.createVisit(), VISIT, true);
            double visitReference = pgbench.createVisit(config.seconds());
            table.add(Row.compared("create-visit, max (closed loop, " + IN_FLIGHT + " in flight, warm)",
                    visitMax.perSecond(), "req/s" + visitMax.failures(),
                    "pgbench visit row + outbox row per transaction, tps", visitReference, "≥ 40% of pgbench"));
            table.add(Row.of("… CPU of that max run", lastCpu, ""));
            openLoopRow(generator, "create-visit", rows.createVisit(), BenchConfig.VISIT_RATE, visitMax, "p99 < 50 ms",
                    VISIT);

            Outcome getMax = maxThroughput(generator, "get-customer-by-id", rows.getCustomer(), CUSTOMER, true);
            double getReference = pgbench.getCustomer(config.seconds());
            table.add(Row.compared("get-customer-by-id, max (closed loop, " + IN_FLIGHT + " in flight, warm)",
                    getMax.perSecond(), "req/s" + getMax.failures(), "pgbench primary-key select, tps", getReference,
                    "≥ 10% of pgbench"));
            table.add(Row.of("… CPU of that max run", lastCpu, ""));
            openLoopRow(generator, "get-customer-by-id", rows.getCustomer(), BenchConfig.GET_CUSTOMER_RATE, getMax,
                    "p99 < 25 ms", CUSTOMER);

            Outcome createMax = maxThroughput(generator, "create-customer", rows.createCustomer(), CUSTOMER, false);
            double createReference = pgbench.createCustomer(config.seconds());
            table.add(Row.compared("create-customer, max (closed loop, " + IN_FLIGHT + " in flight, warm)",
                    createMax.perSecond(), "req/s" + createMax.failures(), "pgbench customer insert, tps",
                    createReference, "—"));
            table.add(Row.of("… CPU of that max run", lastCpu, ""));
            openLoopRow(generator, "create-customer", rows.createCustomer(), BenchConfig.CREATE_CUSTOMER_RATE, createMax,
                    "—", CUSTOMER);
        }
    }

    /**
     * Warm-up, then the measured closed loop; with how the CPU of {@code served} (the service the requests go to) split
     * between its threads during the measured part, and, when {@code profiled}, a JFR recording of it over both.
     */
    private Outcome maxThroughput(Generator generator, String name, ApiCall call, String served, boolean profiled) {
        Duration measured = Duration.ofSeconds(config.seconds());
        // Started before the warm-up: starting a recording makes the JIT compile much of the service again (the
        // compilers took 42% of the service's CPU in a max run recorded from its start, 8% in one not recorded).
        FlightRecording recording = config.jfr() && profiled
                ? new FlightRecording(stack.pid(served), work.resolve(served + "-" + name + "-max.jfr")) : null;
        if (recording != null) {
            recording.start();
            recorded.add(served);
        }
        String warmUp = warmUp(generator, call, served);
        CpuMeter meter = stack.cpuMeter();
        CpuMeter.Snapshot before = meter.snapshot();
        ThreadCpu threads = ThreadCpu.start(stack.pid(served));
        Outcome outcome = generator.closedLoop(call, IN_FLIGHT, measured);
        CpuMeter.Snapshot after = meter.snapshot();
        String split = threads.shares();
        if (recording != null) {
            System.out.println("[bench] " + recording.stopAndSummarise(15));
        }
        lastCpu = meter.perUnit(before, after, outcome.succeeded(), "request") + "; " + served + "'s by thread: "
                + split + "; after a " + warmUp;
        awaitPipelineDrained();
        return outcome;
    }

    /**
     * Latency at the goals' arrival rate, when the service can sustain it at all: above its max throughput a constant
     * arrival rate only builds a queue, and every percentile grows with the length of the run. Then the row says so,
     * and a second run at half the max shows the latency the service gives at a rate it does sustain.
     */
    /**
     * Until the JIT has compiled the request path: at least a count of requests, then until the compilers take less
     * than a tenth of the served service's CPU over a 10 s slice. On two cores shared by six JVMs a fixed count left
     * the compilers with a third to a half of the service's CPU in the measured run.
     */
    private String warmUp(Generator generator, ApiCall call, String served) {
        long began = System.nanoTime();
        long answered = 0;
        double jit = 1;
        while ((answered < WARM_UP_REQUESTS || jit >= SETTLED_JIT_SHARE)
                && System.nanoTime() - began < WARM_UP_LIMIT.toNanos()) {
            ThreadCpu slice = ThreadCpu.start(stack.pid(served));
            answered += generator.closedLoop(call, IN_FLIGHT, Duration.ofSeconds(10)).succeeded();
            jit = slice.jitShare();
        }
        String warmUp = String.format("warm-up %,d requests in %.0f s, the JIT's share of %s's CPU in its last 10 s "
                + "%.0f%%", answered, (System.nanoTime() - began) / 1e9, served, 100 * jit);
        System.out.println("[bench] " + warmUp);
        return warmUp;
    }

    private void openLoopRow(Generator generator, String name, ApiCall call, int rate, Outcome max, String target,
                             String profiled) {
        if (max.perSecond() >= rate) {
            openLoop(generator, name, call, rate, target, profiled);
            return;
        }
        table.add(Row.of(name + " at " + rate + " req/s (open loop)", String.format("not sustainable: max %.0f req/s "
                + "is below the arrival rate, so latency grows without bound", max.perSecond()), target));
        openLoop(generator, name, call, Math.max(1, (int) (max.perSecond() / 2)), "", profiled);
    }

    /** With the collector's pauses in {@code profiled} during the run, the first suspect of a latency tail. */
    private void openLoop(Generator generator, String name, ApiCall call, int rate, String target, String profiled) {
        GcCounters collections = GcCounters.start(stack.pid(profiled));
        Outcome outcome = generator.constantRate(call, rate, Duration.ofSeconds(config.seconds()));
        table.add(Row.of(name + " at " + rate + " req/s (open loop, " + config.seconds() + " s)",
                outcome.percentiles() + outcome.failures(), target));
        table.add(Row.of("… " + profiled + "'s garbage collector during it", collections.since(), ""));
        awaitPipelineDrained();
    }

    /** The events of a row are still being consumed when it ends: the next row (or pgbench) starts once they are not. */
    private void awaitPipelineDrained() {
        long began = System.nanoTime();
        try (ConsumerLag lag = new ConsumerLag(stack.bootstrapServers(), ANALYTICS_GROUP)) {
            long behind = lag.lag();
            while (behind > 0 && System.nanoTime() - began < Duration.ofSeconds(120).toNanos()) {
                Thread.sleep(500);
                behind = lag.lag();
            }
            System.out.printf("[bench] analytics %s in %.1f s%n", behind == 0 ? "caught up" : "still " + behind
                    + " events behind", (System.nanoTime() - began) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void eventToAlert() throws Exception {
        List<Double> latencies = new ArrayList<>(new EventToAlert(stack.url(CUSTOMER), stack.url(ANALYTICS),
                config.customers()).measure(ALERT_SAMPLES, Duration.ofMillis(250), Duration.ofSeconds(60)));
        Collections.sort(latencies);
        String value = latencies.isEmpty() ? "no alert arrived within 60 s"
                : String.format("p50 %.0f ms, p99 %.0f ms (%d of %d samples arrived)", percentile(latencies, 50),
                percentile(latencies, 99), latencies.size(), ALERT_SAMPLES);
        table.add(Row.of("event → alert on /api/v1/alerts/stream (POST /opportunities past its close date → "
                + "STALLED_OPPORTUNITY)", value, "p99 < 1 s"));
    }

    /**
     * The loaded rows start due, as after the upgrade that introduced each subject's next moment: one pass evaluates
     * them all, once. Done before the request rows, so that the scheduled scan is not working it off meanwhile.
     */
    private void firstScan() throws Exception {
        StallScan.Result result = new StallScan(stack.url(ANALYTICS))
                .untilNothingDue(Duration.ofSeconds(config.scanTimeoutSeconds()));
        String value = result.finished() ? String.format("%.1f s (%s; with the scheduled scan's runs)",
                result.seconds(), result.answer())
                : String.format("> %.0f s (%s when the run stopped waiting)", result.seconds(), result.answer());
        table.add(Row.of(String.format("first scan after loading %,d open opportunities, every subject due once "
                + "(as after the upgrade or a replay)", config.scanOpportunities()), value, "— (once)"));
    }

    private void thresholdToAlert() throws Exception {
        Optional<Duration> delay = new ThresholdToAlert(stack.postgres())
                .measure(THRESHOLD_AHEAD, Duration.ofSeconds(config.scanTimeoutSeconds()));
        String value = delay.map(d -> String.format("%.1f s (the scheduled scan runs every 30 s)", d.toMillis() / 1e3))
                .orElse("no alert within " + config.scanTimeoutSeconds() + " s of the threshold");
        table.add(Row.of(String.format("threshold → alert, no event (a deal's idle days pass among %,d open "
                + "opportunities)", config.scanOpportunities()), value, "< 60 s"));
    }

    private void stallScan() throws Exception {
        StallScan.Result result = new StallScan(stack.url(ANALYTICS)).run(Duration.ofSeconds(config.scanTimeoutSeconds()));
        String value = result.finished() ? String.format("%.1f s (answer %s)", result.seconds(), result.answer())
                : String.format("> %.0f s (not finished when the run stopped waiting)", result.seconds());
        table.add(Row.of(String.format("stall scan, %,d open opportunities, what fell due since the first "
                        + "(POST /api/v1/alerts/scan)",
                config.scanOpportunities()), value, "< 10 s, and no full pass needed"));
    }

    /**
     * analytics is stopped, the backlog written to the topics, Kafka's consumer perf tool reads the visits topic
     * (the reference), then analytics starts again and works the backlog off; timed from ready to a lag of 0.
     */
    private void ingest() throws Exception {
        stack.stop(ANALYTICS);
        double produced = new Backlog(stack.bootstrapServers(), config.customers()).produce(config.backlog());
        System.out.printf("[bench] backlog of %,d events produced in %.1f s%n", config.backlog(), produced);
        try (ConsumerLag lag = new ConsumerLag(stack.bootstrapServers(), ANALYTICS_GROUP)) {
            double reference = new ConsumerPerf(stack.bootstrapServers(), work)
                    .recordsPerSecond(Topics.VISITS, lag.records(Topics.VISITS));
            startSeconds.put(ANALYTICS + " (restart, C1 and C2)",
                    stack.startServices(List.of(ANALYTICS), true).get(ANALYTICS));
            long behind = lag.lag();
            FlightRecording recording = config.jfr()
                    ? new FlightRecording(stack.pid(ANALYTICS), work.resolve(ANALYTICS + "-ingest.jfr")) : null;
            if (recording != null) {
                recording.start();
                recorded.add(ANALYTICS);
            }
            CpuMeter meter = stack.cpuMeter();
            CpuMeter.Snapshot before = meter.snapshot();
            ThreadCpu threads = ThreadCpu.start(stack.pid(ANALYTICS));
            StatementTimes statements = new StatementTimes(stack.postgres());
            statements.reset();
            long began = System.nanoTime();
            long deadline = began + Duration.ofSeconds(config.ingestTimeoutSeconds()).toNanos();
            long left = behind;
            while (left > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                left = lag.lag();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            CpuMeter.Snapshot after = meter.snapshot();
            String split = threads.shares();
            if (recording != null) {
                System.out.println("[bench] " + recording.stopAndSummarise(15));
            }
            String figure = String.format("analytics ingest of a %,d-event backlog (%,d behind at ready)%s",
                    config.backlog(), behind, left == 0 ? "" : String.format("; stopped waiting after %.0f s with %,d "
                            + "left", seconds, left));
            table.add(Row.compared(figure, (behind - left) / seconds, "events/s",
                    "Kafka ConsumerPerformance, " + Topics.VISITS + ", fetch rec/s", reference, "≥ 20,000 events/s"));
            table.add(Row.of("… CPU during the ingest", meter.perUnit(before, after, behind - left, "event")
                    + "; " + ANALYTICS + "'s by thread: " + split, ""));
            table.add(Row.of("… PostgreSQL's time during the ingest, by statement", topStatements(statements,
                    "postgres-ingest-statements.txt"), ""));
            loadedRss(ANALYTICS, " (after the backlog)");
        }
    }

    /** The three statements PostgreSQL spent most time on, the first twenty in {@code file}. */
    private String topStatements(StatementTimes statements, String file) throws IOException {
        List<String> top = statements.top(20);
        Files.write(work.resolve(file), top);
        top.forEach(line -> System.out.println("[bench] " + line));
        return top.stream().limit(3).map(line -> line.length() > 140 ? line.substring(0, 140) + "…" : line)
                .map(line -> "`" + line.replaceAll("\\s+", " ") + "`").collect(Collectors.joining("; "))
                + " (the first twenty in " + file + ")";
    }

    private void startAndMemoryRows() {
        startSeconds.forEach((service, seconds) -> table.add(Row.of("time to ready, " + service,
                String.format("%.1f s", seconds), "< 5 s each")));
        idleRss.forEach((service, mb) -> table.add(Row.of("RSS idle, " + service, String.format("%.0f MB", mb), "")));
        loadedRss.forEach((service, mb) -> table.add(Row.of("RSS after load, " + service, String.format("%.0f MB", mb),
                "< 300 MB under load")));
    }

    /**
     * A service's RSS now, said to include a JFR recording's leftovers when one ran in it (~16 MB of JFR's buffers
     * alone, by Native Memory Tracking): a deployed service runs none.
     */
    private void loadedRss(String service, String when) {
        loadedRss.put(service + when + (recorded.contains(service) ? ", a JFR recording ran in it" : ""), rss(service));
    }

    private double rss(String service) {
        return Pids.rssMegabytes(stack.pid(service));
    }

    /**
     * Idle means after the start's own work (class loading, first scheduled runs): the RSS once two readings a second
     * apart differ by less than 1 MB, or the last reading when it is still moving after 30 s.
     */
    private double settledRss(String service) {
        AtomicReference<Double> last = new AtomicReference<>(rss(service));
        try {
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        double before = last.getAndSet(rss(service));
                        return Math.abs(last.get() - before) < 1;
                    });
        } catch (ConditionTimeoutException stillMoving) {
            System.out.printf("[bench] %s's RSS still moving after 30 s; its last reading is the idle figure%n", service);
        }
        return last.get();
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void deleteTree(Path directory) throws java.io.IOException {
        if (!java.nio.file.Files.exists(directory)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }

    private static double totalMemoryGb() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / 1e9;
    }
}
