package org.salescrm.testsupport.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The database connection pool as a service reports it at {@code /q/metrics} (the reactive SQL client's
 * {@code sql_pool_*} gauges): what an operator would look at when a service stops answering.
 */
public final class PoolMetrics {

    private final URI base;

    public PoolMetrics(URI base) {
        this.base = base;
    }

    /** Connections handed out and not yet given back. */
    public long active() {
        return gauge("sql_pool_active");
    }

    /** Requests waiting for a connection. */
    public long waiting() {
        return gauge("sql_pool_queue_size");
    }

    private long gauge(String name) {
        double sum = 0;
        boolean seen = false;
        for (String line : scrape().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                seen = true;
            }
        }
        if (!seen) {
            throw new IllegalStateException(name + " is not among the metrics at " + base + "/q/metrics");
        }
        return Math.round(sum);
    }

    private String scrape() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/metrics")).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
