package org.salescrm.customer.competitor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Wins and losses by competitor in the caller's scope: {@code won} counts won deals the competitor
 * was recorded on, {@code lost} the lost deals that went to it; most deals first.
 */
public record CompetitorReport(LocalDate from, LocalDate to, List<Figures> items) {

    /** {@code winRate} is won ÷ (won + lost), null when both are 0. */
    public record Figures(String competitor, long won, long lost, BigDecimal winRate, BigDecimal wonAmount,
                          BigDecimal lostAmount) {
    }
}
