package org.salescrm.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "crm.outbox")
public interface OutboxConfig {

    /** False in a service that publishes nothing. */
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for pending events; 1 s is the finest the scheduler offers. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Rows published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long sent rows are kept for diagnosis before they are purged. */
    @WithDefault("P7D")
    Duration retention();

    /** How long one send waits for Kafka before the batch is left for a later pass. */
    @WithDefault("5s")
    Duration sendTimeout();
}
