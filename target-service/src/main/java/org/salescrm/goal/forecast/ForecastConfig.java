package org.salescrm.goal.forecast;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * Which open stages a forecast calls committed. Each deal's win probability is the one customer-service gave it
 * (its stage's, DOMAIN.md's funnel), carried by its events: one source, not a copy here.
 */
@ConfigMapping(prefix = "crm.forecast")
public interface ForecastConfig {

    /** Open stages whose deals count as committed (commit): by default NEGOTIATION only. */
    @WithDefault("NEGOTIATION")
    List<String> committedStages();
}
