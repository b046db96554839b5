package org.salescrm.analytics.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code GET /api/v1/reports/figures} (API.md: "Figures, forecasts, playbooks, money and reviews"). */
public final class Figures {

    private Figures() {
    }

    public enum GroupBy { REP, TEAM, REGION }

    /** Median and 90th percentile of the days from an opportunity's opening to its win; null without a win. */
    public record SalesCycle(BigDecimal median, BigDecimal p90) {
    }

    /** Win rate of the deals closed after one, two, three or more meetings; null for a bucket without a deal. */
    public record CloseRates(@JsonProperty("1") BigDecimal one, @JsonProperty("2") BigDecimal two,
                             @JsonProperty("3+") BigDecimal threeOrMore) {
    }

    /** One group's figures for one period. Rates are shares (0.25 = 25%), null when there is nothing to divide by. */
    public record Values(long visits, long effectiveVisits, long newCustomers, long effectiveCustomers,
                         long retainedCustomers, BigDecimal bcToAConversionRate, BigDecimal winRate,
                         BigDecimal averageDealSize, SalesCycle salesCycleDays, BigDecimal repeatPurchaseRate,
                         CloseRates closeRateByMeetings) {
    }

    /** A rep's ({@code ownerId}), a team's ({@code team}) or a region's figures for the period, and for the one before. */
    public record Item(@JsonInclude(JsonInclude.Include.NON_NULL) String ownerId,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String team,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String region,
                       long visits, long effectiveVisits, long newCustomers, long effectiveCustomers,
                       long retainedCustomers, BigDecimal bcToAConversionRate, BigDecimal winRate,
                       BigDecimal averageDealSize, SalesCycle salesCycleDays, BigDecimal repeatPurchaseRate,
                       CloseRates closeRateByMeetings, Values previous) {

        static Item of(GroupBy groupBy, String key, Values now, Values previous) {
            return new Item(groupBy == GroupBy.REP ? key : null, groupBy == GroupBy.TEAM ? key : null,
                    groupBy == GroupBy.REGION ? key : null,
                    now.visits(), now.effectiveVisits(), now.newCustomers(), now.effectiveCustomers(),
                    now.retainedCustomers(), now.bcToAConversionRate(), now.winRate(), now.averageDealSize(),
                    now.salesCycleDays(), now.repeatPurchaseRate(), now.closeRateByMeetings(), previous);
        }
    }

    public record Report(List<Item> items) {
    }
}
