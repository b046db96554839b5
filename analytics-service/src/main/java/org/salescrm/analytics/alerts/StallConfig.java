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

    /**
     * Days an open opportunity may stay in each stage, whatever its activity ({@code crm.stall.stage-limit-days.<stage>}):
     * beyond it, STAGE_TIME_LIMIT. ACKNOWLEDGED means "over 50% to close within 90 days" (DOMAIN.md), so
     * ACKNOWLEDGED (60) and NEGOTIATION (30) together allow those 90 days; the earlier stages allow 60 days each
     * (TARGET 90: a target waits for its first visit), four times their no-activity allowance or more.
     */
    StageLimitDays stageLimitDays();

    /**
     * Days from its opening an opportunity may stay open (SALES_CYCLE beyond): 90 days to reach ACKNOWLEDGED
     * and the 90 within which ACKNOWLEDGED promises the close.
     */
    @WithDefault("180")
    int maxSalesCycleDays();

    interface StageLimitDays {
        @WithDefault("90")
        int target();

        @WithDefault("60")
        int potential();

        @WithDefault("60")
        int intent();

        @WithDefault("60")
        int project();

        @WithDefault("60")
        int acknowledged();

        @WithDefault("30")
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
