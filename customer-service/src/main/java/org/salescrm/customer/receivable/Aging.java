package org.salescrm.customer.receivable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.salescrm.customer.money.Money;
import org.salescrm.customer.receivable.ReceivablesReport.AgingBucket;
import org.salescrm.customer.receivable.ReceivablesReport.OverdueInstalment;

/** The aging buckets finance reads (账龄): up to 30 days overdue, 31 to 60, 61 to 90, more than 90. */
enum Aging {
    UP_TO_30("0-30", 0, 30),
    UP_TO_60("31-60", 31, 60),
    UP_TO_90("61-90", 61, 90),
    OVER_90("90+", 91, null);

    final String label;
    final int fromDays;
    final Integer toDays;

    Aging(String label, int fromDays, Integer toDays) {
        this.label = label;
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    static Aging of(long daysOverdue) {
        for (Aging bucket : values()) {
            if (bucket.toDays == null || daysOverdue <= bucket.toDays) {
                return bucket;
            }
        }
        throw new IllegalStateException("no bucket for " + daysOverdue);
    }

    /** Every bucket, in order, with the sum and count of the instalments in it (zero when none). */
    static List<AgingBucket> buckets(List<OverdueInstalment> overdue) {
        List<AgingBucket> buckets = new ArrayList<>();
        for (Aging aging : values()) {
            List<OverdueInstalment> in = overdue.stream().filter(i -> i.bucket().equals(aging.label)).toList();
            BigDecimal amount = in.stream().map(OverdueInstalment::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
            buckets.add(new AgingBucket(aging.label, aging.fromDays, aging.toDays, Money.plain(amount), in.size()));
        }
        return buckets;
    }
}
