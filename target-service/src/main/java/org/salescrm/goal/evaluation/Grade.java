package org.salescrm.goal.evaluation;

import java.math.BigDecimal;

/** 优秀 / 良好 / 待改进, by the score out of 100. */
public enum Grade {
    EXCELLENT, GOOD, NEEDS_IMPROVEMENT;

    static Grade of(BigDecimal score) {
        if (score.compareTo(BigDecimal.valueOf(90)) >= 0) {
            return EXCELLENT;
        }
        if (score.compareTo(BigDecimal.valueOf(80)) >= 0) {
            return GOOD;
        }
        return NEEDS_IMPROVEMENT;
    }
}
