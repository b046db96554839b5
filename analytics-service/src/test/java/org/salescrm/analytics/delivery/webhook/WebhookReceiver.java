package org.salescrm.analytics.delivery.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A webhook receiver on localhost that records what it is sent and answers scripted status codes (then 200). */
final class WebhookReceiver implements AutoCloseable {

    /**
     * One request as it arrived; {@code raw} is the body's exact bytes, which the signatures cover.
     * {@code signature} is the legacy X-Crm-Signature; {@code webhookId}, {@code webhookTimestamp}
     * and {@code webhookSignature} the Standard Webhooks headers; {@code query} the URL's raw query (a DingTalk
     * robot's signature is there).
     */
    record Received(String signature, String eventId, String eventType, String contentType, byte[] raw,
                    String webhookId, String webhookTimestamp, String webhookSignature, String query) {
        String body() {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int defaultAnswer = 200;
    private volatile byte[] answerBody;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hanging;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/hook", this::handle);
        server.start();
    }

    static WebhookReceiver start() {
        return on("127.0.0.1");
    }

    /** A receiver listening on one address only, e.g. another loopback address than 127.0.0.1. */
    static WebhookReceiver on(String address) {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress(address, 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next requests get these answers, in order; later ones 200 unless {@link #alwaysAnswer} said otherwise. */
    WebhookReceiver answering(Integer... statusCodes) {
        answers.addAll(List.of(statusCodes));
        return this;
    }

    /** Every answer carries this JSON body, as a group robot answers {@code {"errcode":0,"errmsg":"ok"}}. */
    WebhookReceiver answeringBody(String json) {
        answerBody = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    WebhookReceiver alwaysAnswer(int statusCode) {
        defaultAnswer = statusCode;
        return this;
    }

    /** Takes each request and answers nothing until closed, like a receiver that hangs. */
    WebhookReceiver hanging() {
        hanging = true;
        return this;
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    /** The URL with a query, as a group robot's address carries its token. */
    String url(String query) {
        return url() + "?" + query;
    }

    /** The URL naming the receiver by the address it listens on. */
    String urlByAddress() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFor(Object eventId) {
        return received.stream().filter(r -> eventId.toString().equals(r.eventId())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("X-Crm-Signature"), headers.getFirst("X-Crm-Event-Id"),
                    headers.getFirst("X-Crm-Event-Type"), headers.getFirst("Content-Type"),
                    in.readAllBytes(), headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), exchange.getRequestURI().getRawQuery()));
        }
        if (hanging) {
            awaitRelease();
        }
        Integer answer = answers.poll();
        byte[] body = answerBody;
        if (body == null) {
            exchange.sendResponseHeaders(answer == null ? defaultAnswer : answer, -1);
        } else {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer == null ? defaultAnswer : answer, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private void awaitRelease() {
        try {
            released.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
