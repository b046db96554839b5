package org.salescrm.goal.forecast;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Stage win probabilities (DOMAIN.md's funnel, in percent) and which open stages a forecast calls committed. */
@ConfigMapping(prefix = "crm.forecast")
public interface ForecastConfig {

    Probability probability();

    /** Open stages whose deals count as committed (commit): by default NEGOTIATION only. */
    @WithDefault("NEGOTIATION")
    List<String> committedStages();

    interface Probability {
        @WithDefault("5")
        int target();

        @WithDefault("10")
        int potential();

        @WithDefault("20")
        int intent();

        @WithDefault("40")
        int project();

        @WithDefault("60")
        int acknowledged();

        @WithDefault("80")
        int negotiation();

        /** The probability of an open stage in percent; 0 for a stage this service does not know. */
        default int of(String stage) {
            return switch (stage) {
                case "TARGET" -> target();
                case "POTENTIAL" -> potential();
                case "INTENT" -> intent();
                case "PROJECT" -> project();
                case "ACKNOWLEDGED" -> acknowledged();
                case "NEGOTIATION" -> negotiation();
                default -> 0;
            };
        }
    }
}
