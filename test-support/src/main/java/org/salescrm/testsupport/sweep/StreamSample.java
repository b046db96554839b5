package org.salescrm.testsupport.sweep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What an event stream sends in its first moments, as a sweep's answer: its status and the text read. */
final class StreamSample {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private StreamSample() {
    }

    /** {@code headers}: what the fixture adds, such as a {@code Last-Event-ID} that makes the stream replay what followed it. */
    static CrossOwnerSweep.Answer read(URI uri, String token, java.util.Map<String, String> headers, Duration sample) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        headers.forEach(builder::header);
        HttpRequest request = builder.GET().build();
        try {
            HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> copy(response.body(), text));
            try {
                reading.get(sample.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillOpen) {
                response.body().close();
            }
            String raw;
            synchronized (text) {
                raw = text.toString(StandardCharsets.UTF_8);
            }
            return new CrossOwnerSweep.Answer(response.statusCode(), null, null, null, null, raw);
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not read the stream at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException closed) {
            // closed by the sampler once its time was up
        }
    }
}
