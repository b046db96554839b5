package org.salescrm.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "crm.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered: offline clients retry within days, never weeks. */
    @WithDefault("P7D")
    Duration retention();
}
