package org.salescrm.analytics.delivery.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook delivery ({@code crm.webhooks.*}). */
@ConfigMapping(prefix = "crm.webhooks")
public interface WebhookConfig {

    /**
     * How often the dispatcher looks for deliveries that are due (read by its schedule): retries, and a safety net
     * for new deliveries, which wake it as they are stored.
     */
    @WithDefault("5s")
    Duration dispatchInterval();

    /** Attempts before a delivery is given up as FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("30s")
    Duration baseDelay();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration maxDelay();

    /** A receiver that has not answered within this much time has failed the attempt. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Deliveries sent in parallel by one pass of the dispatcher. */
    @WithDefault("50")
    int batchSize();

    /**
     * Hosts, as written in a URL, that a webhook may target although they resolve to a loopback or
     * private address: for local development and tests ({@code localhost,127.0.0.1}), empty in
     * production, where every target must resolve to public addresses only.
     */
    Optional<List<String>> allowedHosts();
}
