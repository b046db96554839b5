package org.salescrm.customer.pool;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The public pool's rules: holding cap, claim cooldown and automatic reclaim after silence. */
@ConfigMapping(prefix = "crm.pool")
public interface PoolConfig {

    /** Customers a rep may hold and still claim another; creating and transfers are not limited. */
    @WithDefault("500")
    int maxCustomersPerRep();

    /** Days a rep must wait to claim back a customer they released or lost to a reclaim. */
    @WithDefault("30")
    int reclaimCooldownDays();

    /** Days of silence after which a customer of each grade goes back to the pool. */
    ReclaimDays reclaimDays();

    /** Days before the reclaim day that the owner is warned (once per silence). */
    @WithDefault("3")
    int reclaimWarningDays();

    /** How often the reclaim job scans; "off" disables it (the tests run passes by hand). */
    @WithDefault("1h")
    String reclaimInterval();

    /** Customers moved per transaction of one reclaim pass. */
    @WithDefault("200")
    int reclaimBatchSize();

    interface ReclaimDays {
        @WithDefault("60")
        int a();

        @WithDefault("30")
        int b();

        @WithDefault("15")
        int c();
    }

    default int reclaimDaysFor(String grade) {
        return switch (grade) {
            case "A" -> reclaimDays().a();
            case "B" -> reclaimDays().b();
            default -> reclaimDays().c();
        };
    }

    default Duration cooldown() {
        return Duration.ofDays(reclaimCooldownDays());
    }
}
