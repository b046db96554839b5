package org.salescrm.platform.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "crm.health.connection-pool")
public interface ConnectionPoolConfig {

    /** How long readiness waits to borrow a connection before it calls the pool exhausted. */
    @WithDefault("2s")
    Duration borrowTimeout();

    /**
     * How long the pool may stay exhausted before liveness fails and the instance is restarted. Long enough that
     * a burst of slow queries sheds load through readiness first; a database outage does not count (its
     * connections fail rather than stay borrowed).
     */
    @WithDefault("2m")
    Duration wedgedAfter();
}
