package org.salescrm.visit.visit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "crm.visits")
public interface VisitConfig {

    /** A visit logged more than this many hours after it happened is a late entry (补录). */
    @WithDefault("24")
    int lateEntryHours();

    /** Visits a rep is expected to make per business day, shown on the daily plan. */
    @WithDefault("6")
    int dailyQuota();

    /** How far a phone's clock may run ahead before its occurredAt counts as "in the future". */
    @WithDefault("PT1M")
    Duration futureTolerance();
}
