package org.salescrm.analytics.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When an open opportunity counts as stalled (API.md, "stalled opportunity"). */
@ConfigMapping(prefix = "crm.stall")
public interface StallConfig {

    /** Days without qualifying activity each stage allows ({@code crm.stall.idle-days.<stage>}). */
    IdleDays idleDays();

    /** DWELL holds once days in stage exceed this factor times the team's median days in that stage. */
    @WithDefault("2.0")
    double dwellFactor();

    /** How many of the team's deals must have left a stage before its median means anything. */
    @WithDefault("10")
    int minSamples();

    interface IdleDays {
        @WithDefault("30")
        int target();

        @WithDefault("21")
        int potential();

        @WithDefault("14")
        int intent();

        @WithDefault("14")
        int project();

        @WithDefault("10")
        int acknowledged();

        @WithDefault("7")
        int negotiation();

        default Integer forStage(String stage) {
            return switch (stage) {
                case "TARGET" -> target();
                case "POTENTIAL" -> potential();
                case "INTENT" -> intent();
                case "PROJECT" -> project();
                case "ACKNOWLEDGED" -> acknowledged();
                case "NEGOTIATION" -> negotiation();
                default -> null;
            };
        }
    }
}
