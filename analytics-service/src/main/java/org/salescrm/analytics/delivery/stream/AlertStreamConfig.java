package org.salescrm.analytics.delivery.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The live alert stream ({@code crm.alert-stream.*}). */
@ConfigMapping(prefix = "crm.alert-stream")
public interface AlertStreamConfig {

    /** How often an idle stream sends a comment, so proxies keep it open and a gone client is noticed. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Alerts held for one client that reads too slowly; one more and that client is dropped. */
    @WithDefault("256")
    int bufferSize();

    /**
     * The most alert events a reconnecting client is sent from before it connected (the newest
     * ones); a client away longer re-reads the open alerts, as it does on every reconnect.
     */
    @WithDefault("1000")
    int replayLimit();
}
