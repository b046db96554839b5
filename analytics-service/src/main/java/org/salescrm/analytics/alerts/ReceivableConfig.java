package org.salescrm.analytics.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/**
 * How overdue receivables are graded: by days past due, in the aging buckets of the receivables report (0-30,
 * 31-60, 61-90, 90+), one level higher when a large amount is outstanding.
 */
@ConfigMapping(prefix = "crm.receivables")
public interface ReceivableConfig {

    /** More days overdue than this is MEDIUM (LOW before). */
    @WithDefault("30")
    int mediumAfterDays();

    /** More days overdue than this is HIGH. */
    @WithDefault("60")
    int highAfterDays();

    /** At least this much outstanding on the instalment raises the severity one level. */
    @WithDefault("100000")
    BigDecimal largeAmount();
}
