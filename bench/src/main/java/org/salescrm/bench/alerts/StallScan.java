package org.salescrm.bench.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.salescrm.testsupport.TestTokens;

/** One full pass of analytics' alert scan, asked for by an admin ({@code POST /api/v1/alerts/scan}) and timed. */
public final class StallScan {

    private final String analyticsService;

    public StallScan(String analyticsService) {
        this.analyticsService = analyticsService;
    }

    /** What the scan answered and how long it took; an empty answer when it did not finish within {@code timeout}. */
    public Result run(Duration timeout) throws Exception {
        HttpRequest scan = HttpRequest.newBuilder(URI.create(analyticsService + "/api/v1/alerts/scan"))
                .header("Authorization", "Bearer " + TestTokens.admin("bench-admin"))
                .timeout(timeout).POST(HttpRequest.BodyPublishers.noBody()).build();
        long began = System.nanoTime();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(scan, HttpResponse.BodyHandlers.ofString());
            return new Result((System.nanoTime() - began) / 1e9, response.statusCode() + " " + response.body(), true);
        } catch (HttpTimeoutException e) {
            return new Result((System.nanoTime() - began) / 1e9, "no answer", false);
        }
    }

    public record Result(double seconds, String answer, boolean finished) {
    }
}
