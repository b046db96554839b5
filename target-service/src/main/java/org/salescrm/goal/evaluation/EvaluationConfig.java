package org.salescrm.goal.evaluation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/**
 * How the composite score is made: each measure earns its weight in full at its full-marks level,
 * proportionally below it. The defaults reproduce DOMAIN.md's worked examples (see the README).
 */
@ConfigMapping(prefix = "crm.evaluation")
public interface EvaluationConfig {

    Weights weights();

    FullMarks fullMarks();

    interface Weights {
        @WithDefault("45")
        BigDecimal achievement();

        @WithDefault("15")
        BigDecimal newCustomers();

        @WithDefault("40")
        BigDecimal retention();
    }

    interface FullMarks {
        /** Achievement rate that earns the whole weight: over-achievement counts, up to 120%. */
        @WithDefault("1.2")
        BigDecimal achievement();

        /** New customers in the evaluated period that earn the whole weight. */
        @WithDefault("6")
        BigDecimal newCustomers();

        @WithDefault("1.0")
        BigDecimal retention();
    }
}
