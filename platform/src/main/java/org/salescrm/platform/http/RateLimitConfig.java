package org.salescrm.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "crm.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Sustained requests per second one caller may make. */
    @WithDefault("20")
    double requestsPerSecond();

    /** Requests a caller may make at once after a quiet spell (a mobile client syncing its offline queue). */
    @WithDefault("100")
    int burst();

    /** Callers tracked at once; the least recently seen are forgotten first. */
    @WithDefault("100000")
    int maxCallers();
}
