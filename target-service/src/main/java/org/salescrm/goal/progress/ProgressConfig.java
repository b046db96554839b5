package org.salescrm.goal.progress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

@ConfigMapping(prefix = "crm.goals")
public interface ProgressConfig {

    /**
     * How far (as a share of the expected amount) the actual may stray from where it should be by
     * now and still be ON_TRACK: 0.1 means within ±10%.
     */
    @WithDefault("0.1")
    BigDecimal paceBand();
}
