package org.salescrm.analytics.alerts;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** The rules' configuration as the service would read it, with some keys set as a deployment would. */
final class RuleConfigs {

    private RuleConfigs() {
    }

    static SmallRyeConfig with(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withMapping(StallConfig.class).withMapping(ChurnConfig.class)
                .withSources(new io.smallrye.config.PropertiesConfigSource(values, "test", 500)).build();
    }

    static StallConfig stall(Map<String, String> values) {
        return with(values).getConfigMapping(StallConfig.class);
    }

    static ChurnConfig churn(Map<String, String> values) {
        return with(values).getConfigMapping(ChurnConfig.class);
    }
}
