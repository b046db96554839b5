package org.salescrm.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Picks ports for servers that must keep their port across a restart. */
public final class FreePorts {

    // Below Linux's ephemeral range (32768-60999): while a server is stopped, no outgoing client connection
    // can take its port, so it can always bind the same port again when it restarts.
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;

    private FreePorts() {
    }

    public static int pick() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (isFree(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
