package org.salescrm.analytics.reports;

import java.math.BigDecimal;
import java.util.List;

/** The report bodies (API.md: /reports/funnel, /reports/pipeline, /reports/activity). */
public final class Reports {

    private Reports() {
    }

    public record FunnelStage(String stage, long entered, long advanced, BigDecimal conversionRate,
                              BigDecimal medianDaysInStage) {
    }

    public record Funnel(List<FunnelStage> stages, long won, long lost, BigDecimal winRate) {
    }

    public record PipelineStage(String stage, long count, BigDecimal amount) {
    }

    public record Pipeline(List<PipelineStage> stages, BigDecimal weightedAmount, BigDecimal salesVelocityPerDay) {
    }

    public record ActivityItem(String ownerId, long visits, long effectiveVisits, long newCustomers, long wonDeals,
                               BigDecimal wonAmount, long overdueFollowUps) {
    }

    public record Activity(List<ActivityItem> items, String next) {
    }
}
