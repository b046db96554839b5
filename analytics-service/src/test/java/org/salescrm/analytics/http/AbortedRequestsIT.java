package org.salescrm.analytics.http;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salescrm.testsupport.TestTokens;
import org.salescrm.testsupport.http.HangingUpClient;
import org.salescrm.testsupport.http.ServiceMetrics;

/**
 * Clients that hang up on the alert stream: a stream whose client left is closed. The hang-up storm over every
 * write endpoint that the other services run is not here yet: piled-up POST /alerts/scan requests each wait for
 * the scan's lock while holding a connection, which saturates the pool (see the analytics README).
 */
@QuarkusTest
class AbortedRequestsIT {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aStreamWhoseClientHangsUpIsClosed() throws Exception {
        ServiceMetrics metrics = new ServiceMetrics(base);
        HangingUpClient client = new HangingUpClient(base);
        Map<String, String> headers = Map.of("Authorization", "Bearer " + TestTokens.manager("mgr-stream", "east"),
                "Accept", "text/event-stream");
        for (int i = 0; i < 50; i++) {
            client.send("GET", "/api/v1/alerts/stream", null, headers, Duration.ofMillis(100));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics.gauge("crm_alert_stream_listeners") == 0);
    }
}
