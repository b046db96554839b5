package org.salescrm.testsupport.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.salescrm.testsupport.http.HangUpStorm.Request;

/**
 * A closed-loop load run that ends as load generators do: every client stops with its last request still in
 * flight, dropped mid-way, instead of waiting for the answer.
 */
public final class DroppingLoadRun {

    /** One run's figures: answers received and how many of them were 2xx, per second of the run. */
    public record Figures(long answered, long succeeded, double requestsPerSecond) {
    }

    private final URI base;
    private final int clients;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public DroppingLoadRun(URI base, int clients) {
        this.base = base;
        this.clients = clients;
    }

    public Figures run(Supplier<Request> requests, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong answered = new AtomicLong();
        AtomicLong succeeded = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int status = send(requests.get());
                        answered.incrementAndGet();
                        if (status / 100 == 2) {
                            succeeded.incrementAndGet();
                        }
                    }
                    Request last = requests.get();
                    new HangingUpClient(base).send(last.method(), last.path(), last.body(), last.headers(),
                            Duration.ofMillis(ThreadLocalRandom.current().nextInt(20)));
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Figures(answered.get(), succeeded.get(), answered.get() / (length.toMillis() / 1000.0));
    }

    private int send(Request request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.setHeader(header.getKey(), header.getValue());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
