package org.salescrm.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "crm.inbox")
public interface InboxConfig {

    /** Attempts at applying one event before it is dead-lettered. */
    @WithDefault("3")
    int maxAttempts();

    /** First wait between attempts; it doubles up to ten times this. */
    @WithDefault("100ms")
    Duration retryBackoff();

    /** How long processed-event marks are kept; longer than any topic's retention. */
    @WithDefault("P30D")
    Duration retention();
}
