package org.salescrm.bench.alerts;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.salescrm.testsupport.TestTokens;

/**
 * analytics' alert scan, asked for by an admin ({@code POST /api/v1/alerts/scan}) and timed. The service's own
 * scheduled scan runs every 30 s as well; while one runs, a scan asked for answers at once that one is already running.
 */
public final class StallScan {

    private static final Pattern EVALUATED = Pattern.compile("\"evaluated\"\\s*:\\s*(\\d+)");
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String analyticsService;

    public StallScan(String analyticsService) {
        this.analyticsService = analyticsService;
    }

    /** One scan this call ran (waiting out one already running), or an unfinished result after {@code timeout}. */
    public Result run(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AtomicReference<Result> last = new AtomicReference<>();
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(RETRY).until(() -> {
                last.set(once(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
                return !last.get().alreadyRunning();
            });
        } catch (ConditionTimeoutException stillRunning) {
            // the last answer says so
        }
        return last.get();
    }

    /**
     * Scans until one finds nothing due: the first pass over rows loaded with every subject due (as after the upgrade
     * that introduced the moments, or a replay), shared with the scheduled scan. The time is until the scan that
     * found nothing began; the customers counted are those of the scans this call ran.
     */
    public Result untilNothingDue(Duration timeout) throws Exception {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        int evaluated = 0;
        while (System.nanoTime() < deadline) {
            long scanBegan = System.nanoTime();
            Result scan = run(Duration.ofNanos(deadline - scanBegan));
            if (scan.evaluated() < 0) {
                return scan;
            }
            if (scan.evaluated() == 0) {
                return new Result((scanBegan - began) / 1e9, evaluated + " customers evaluated", true);
            }
            evaluated += scan.evaluated();
        }
        return new Result((System.nanoTime() - began) / 1e9, "still due", false);
    }

    private Result once(Duration timeout) throws Exception {
        HttpRequest scan = HttpRequest.newBuilder(URI.create(analyticsService + "/api/v1/alerts/scan"))
                .header("Authorization", "Bearer " + TestTokens.admin("bench-admin"))
                .timeout(timeout).POST(HttpRequest.BodyPublishers.noBody()).build();
        long began = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(scan, HttpResponse.BodyHandlers.ofString());
            return new Result((System.nanoTime() - began) / 1e9, response.statusCode() + " " + response.body(), true);
        } catch (HttpTimeoutException e) {
            return new Result((System.nanoTime() - began) / 1e9, "no answer", false);
        }
    }

    public record Result(double seconds, String answer, boolean finished) {

        boolean alreadyRunning() {
            return finished && answer.contains("alreadyRunning");
        }

        /** Customers the scan evaluated; -1 when it did not answer with a count. */
        int evaluated() {
            Matcher count = EVALUATED.matcher(answer);
            return finished && answer.startsWith("200") && count.find() ? Integer.parseInt(count.group(1)) : -1;
        }
    }
}
