package org.salescrm.testsupport.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Gauges a running service reports at {@code /q/metrics}, above all its database connection pool (the reactive
 * SQL client's {@code sql_pool_*}): what an operator would look at when a service stops answering.
 */
public final class ServiceMetrics {

    /** HTTP/1.1 only: the JDK client's cleartext HTTP/2 upgrade misread a large answer as a frame (seen in CI). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;

    public ServiceMetrics(URI base) {
        this.base = base;
    }

    /** Connections handed out and not yet given back. */
    public long poolActive() {
        return gauge("sql_pool_active");
    }

    /** Requests waiting for a connection. */
    public long poolWaiting() {
        return gauge("sql_pool_queue_size");
    }

    /** The sum of a gauge over all its tags, as Prometheus names it ({@code crm_alert_stream_listeners}). */
    public long gauge(String name) {
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
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
