package org.salescrm.testsupport.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client on a bad network: it sends a whole request, waits a moment and hangs up without reading the answer,
 * as a phone losing signal, a proxy timing out or a load generator stopping would. The connection is reset
 * (linger 0), so the server learns of it at once rather than on its next write.
 */
public final class HangingUpClient {

    private final URI base;

    public HangingUpClient(URI base) {
        this.base = base;
    }

    /** Sends {@code method path} with a body (JSON unless a Content-Type header says otherwise, or none) and the headers, then resets the connection after {@code wait}. */
    public void send(String method, String path, String body, Map<String, String> headers, Duration wait) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, bytes.length, headers).getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            sleep(wait);
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String head(String method, String path, int length, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", base.getHost() + ":" + base.getPort());
        all.put("Content-Type", "application/json");
        all.put("Accept", "application/json");
        all.put("Content-Length", Integer.toString(length));
        all.putAll(headers);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanosPart() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
