package org.salescrm.analytics.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.salescrm.events.analytics.AlertReason;

/**
 * An instalment past its due date with money still owed on it: an alert to the contract's owner (and their
 * manager), with the days overdue and the amount outstanding. It holds until the instalment is paid in full;
 * the days count up on the scan, and each payment brings the amount down.
 */
@ApplicationScoped
class OverdueReceivableRule {

    private final ReceivableConfig config;

    OverdueReceivableRule(ReceivableConfig config) {
        this.config = config;
    }

    Finding evaluate(ReceivableState s, LocalDate today) {
        long daysOverdue = ChronoUnit.DAYS.between(s.dueOn(), today);
        if (s.outstanding().signum() <= 0 || daysOverdue <= 0) {
            return new Finding(AlertType.OVERDUE_RECEIVABLE, s.instalmentId(), s.customerId(), s.ownerId(),
                    s.ownerTeam(), List.of(), Severity.LOW, null, false);
        }
        String currency = s.currency() == null ? "" : " " + s.currency();
        String overdue = "instalment of contract %s due %s: %d day%s overdue".formatted(s.contractNumber(), s.dueOn(),
                daysOverdue, daysOverdue == 1 ? "" : "s");
        String owed = "%s%s of %s outstanding".formatted(money(s.outstanding()), currency, money(s.amount()));
        return new Finding(AlertType.OVERDUE_RECEIVABLE, s.instalmentId(), s.customerId(), s.ownerId(), s.ownerTeam(),
                List.of(new AlertReason("PAYMENT_OVERDUE", overdue, BigDecimal.valueOf(daysOverdue), BigDecimal.ZERO),
                        new AlertReason("AMOUNT_OUTSTANDING", owed, s.outstanding(), BigDecimal.ZERO)),
                severity(daysOverdue, s.outstanding()), null, false);
    }

    /** LOW up to 30 days overdue, MEDIUM to 60, HIGH beyond; a large amount outstanding one level higher. */
    Severity severity(long daysOverdue, BigDecimal outstanding) {
        int level = daysOverdue > config.highAfterDays() ? 2 : daysOverdue > config.mediumAfterDays() ? 1 : 0;
        if (outstanding.compareTo(config.largeAmount()) >= 0) {
            level = Math.min(2, level + 1);
        }
        return Severity.values()[level];
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }
}
