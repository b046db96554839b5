package org.salescrm.analytics.delivery.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhook delivery ({@code crm.webhooks.*}). */
@ConfigMapping(prefix = "crm.webhooks")
public interface WebhookConfig {

    /** How often the dispatcher looks for deliveries that are due (read by its schedule). */
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
}
