package org.salescrm.customer.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.salescrm.customer.money.Money;

/**
 * An instalment as it stands today (business time zone): {@code state} is PAID when nothing is
 * outstanding, OVERDUE when something is and its due date has passed, else OPEN.
 */
public record InstalmentView(
        UUID id,
        int instalmentNo,
        LocalDate dueOn,
        BigDecimal amount,
        BigDecimal collected,
        BigDecimal outstanding,
        String state,
        boolean overdue,
        long daysOverdue) {

    static InstalmentView of(Instalment i, LocalDate today) {
        boolean overdue = i.overdueOn(today);
        String state = i.outstanding().signum() == 0 ? "PAID" : overdue ? "OVERDUE" : "OPEN";
        return new InstalmentView(i.id, i.instalmentNo, i.dueOn, Money.plain(i.amount), Money.plain(i.collected),
                Money.plain(i.outstanding()), state, overdue, overdue ? ChronoUnit.DAYS.between(i.dueOn, today) : 0);
    }
}
