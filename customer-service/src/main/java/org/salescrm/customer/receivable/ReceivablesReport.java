package org.salescrm.customer.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Aging of receivables (账龄) as of a business day: each unpaid instalment past its due date, by days
 * overdue, in the buckets 0-30, 31-60, 61-90 and 90+, and the instalments themselves, oldest first.
 */
public record ReceivablesReport(
        LocalDate asOf,
        List<AgingBucket> buckets,
        BigDecimal overdueTotal,
        List<OverdueInstalment> overdue) {

    /** One aging bucket: the outstanding amount of its instalments and how many there are. */
    public record AgingBucket(String bucket, int fromDays, Integer toDays, BigDecimal amount, int count) {
    }

    /** An instalment past its due date, with what is still outstanding on it. */
    public record OverdueInstalment(
            UUID contractId,
            String contractNumber,
            UUID opportunityId,
            UUID customerId,
            String customerName,
            UUID instalmentId,
            LocalDate dueOn,
            BigDecimal amount,
            BigDecimal outstanding,
            long daysOverdue,
            String bucket,
            String ownerId,
            String ownerTeam) {
    }
}
