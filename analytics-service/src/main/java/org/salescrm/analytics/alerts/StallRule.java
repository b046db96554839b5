package org.salescrm.analytics.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.salescrm.events.analytics.AlertReason;

/**
 * Stalled opportunity (API.md): an OPEN opportunity that is IDLE (no qualifying activity for longer
 * than its stage allows), DWELLs (in its stage longer than factor × its team's median, once enough of
 * the team's deals have left that stage), is over its STAGE_TIME_LIMIT (days in stage beyond the stage's
 * limit), over the SALES_CYCLE (open longer than the cycle allows) or PAST_CLOSE_DATE. Days are whole
 * elapsed days.
 */
@ApplicationScoped
public class StallRule {

    private static final Set<String> LATE_STAGES = Set.of("PROJECT", "ACKNOWLEDGED", "NEGOTIATION");

    private final StallConfig config;

    public StallRule(StallConfig config) {
        this.config = config;
    }

    Finding evaluate(OpportunityState o, StageMedian median, Instant now, ZoneId zone) {
        List<AlertReason> reasons = o.isOpen() ? reasons(o, median, now, zone) : List.of();
        return new Finding(AlertType.STALLED_OPPORTUNITY, o.opportunityId(), o.customerId(), o.ownerId(),
                o.ownerTeam(), reasons, severity(o, reasons), null, !o.isOpen());
    }

    private List<AlertReason> reasons(OpportunityState o, StageMedian median, Instant now, ZoneId zone) {
        List<AlertReason> reasons = new ArrayList<>();
        Integer allowed = config.idleDays().forStage(o.stage());
        long idle = days(o.lastActivityAt(), now);
        if (allowed != null && idle > allowed) {
            reasons.add(new AlertReason("IDLE", "no activity for %d days; %s allows %d".formatted(idle, o.stage(), allowed),
                    BigDecimal.valueOf(idle), BigDecimal.valueOf(allowed)));
        }
        long inStage = days(o.stageEnteredAt(), now);
        if (median != null && median.samples() >= config.minSamples()) {
            BigDecimal threshold = BigDecimal.valueOf(config.dwellFactor() * median.medianDays())
                    .setScale(1, RoundingMode.HALF_UP);
            if (BigDecimal.valueOf(inStage).compareTo(threshold) > 0) {
                reasons.add(new AlertReason("DWELL", "in %s for %d days; team median %s".formatted(o.stage(), inStage,
                        plain(BigDecimal.valueOf(median.medianDays()).setScale(1, RoundingMode.HALF_UP))),
                        BigDecimal.valueOf(inStage), threshold));
            }
        }
        Integer limit = config.stageLimitDays().forStage(o.stage());
        if (limit != null && inStage > limit) {
            reasons.add(new AlertReason("STAGE_TIME_LIMIT", "in %s for %d days; the limit is %d".formatted(o.stage(),
                    inStage, limit), BigDecimal.valueOf(inStage), BigDecimal.valueOf(limit)));
        }
        long open = days(o.openedAt(), now);
        if (open > config.maxSalesCycleDays()) {
            reasons.add(new AlertReason("SALES_CYCLE", "open for %d days; the sales cycle allows %d".formatted(open,
                    config.maxSalesCycleDays()), BigDecimal.valueOf(open), BigDecimal.valueOf(config.maxSalesCycleDays())));
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (o.expectedCloseDate() != null && today.isAfter(o.expectedCloseDate())) {
            long past = ChronoUnit.DAYS.between(o.expectedCloseDate(), today);
            reasons.add(new AlertReason("PAST_CLOSE_DATE", "%d days past its expected close date %s"
                    .formatted(past, o.expectedCloseDate()), BigDecimal.valueOf(past), BigDecimal.ZERO));
        }
        return List.copyOf(reasons);
    }

    /**
     * The first moment after {@code now} at which this opportunity could be found otherwise with no event: a
     * threshold passing or, for one passed, its count of days going up by one (the reasons name the days), and
     * the day after the expected close date. Null when it is not open: only an event changes it then. DWELL is
     * timed by the team's median as of now; a median that moves later is seen at the next of these moments or
     * the next event of the customer.
     */
    Instant nextCheck(OpportunityState o, StageMedian median, Instant now, ZoneId zone) {
        if (!o.isOpen()) {
            return null;
        }
        List<Instant> moments = new ArrayList<>();
        Integer allowed = config.idleDays().forStage(o.stage());
        if (allowed != null) {
            moments.add(dayAfter(o.lastActivityAt(), allowed, now));
        }
        if (median != null && median.samples() >= config.minSamples()) {
            // whole days above a threshold with one decimal: above its whole part
            long threshold = BigDecimal.valueOf(config.dwellFactor() * median.medianDays())
                    .setScale(1, RoundingMode.HALF_UP).setScale(0, RoundingMode.FLOOR).longValueExact();
            moments.add(dayAfter(o.stageEnteredAt(), threshold, now));
        }
        Integer limit = config.stageLimitDays().forStage(o.stage());
        if (limit != null) {
            moments.add(dayAfter(o.stageEnteredAt(), limit, now));
        }
        moments.add(dayAfter(o.openedAt(), config.maxSalesCycleDays(), now));
        if (o.expectedCloseDate() != null) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalDate pastFrom = o.expectedCloseDate().plusDays(1);
            moments.add((today.isBefore(pastFrom) ? pastFrom : today.plusDays(1)).atStartOfDay(zone).toInstant());
        }
        return earliest(moments);
    }

    /**
     * When the whole days since {@code from} first exceed {@code threshold} or, once they do, next go up by one.
     * Null without a start.
     */
    static Instant dayAfter(Instant from, long threshold, Instant now) {
        if (from == null) {
            return null;
        }
        return from.plus(Duration.ofDays(Math.max(days(from, now), threshold) + 1));
    }

    /** The earliest of the moments given, or null when none was. */
    static Instant earliest(List<Instant> moments) {
        return moments.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /** HIGH when two or more causes hold; MEDIUM for one cause from PROJECT on, where the money is near; else LOW. */
    static Severity severity(OpportunityState o, List<AlertReason> reasons) {
        if (reasons.size() >= 2) {
            return Severity.HIGH;
        }
        return LATE_STAGES.contains(o.stage()) ? Severity.MEDIUM : Severity.LOW;
    }

    static long days(Instant from, Instant to) {
        return from == null || to.isBefore(from) ? 0 : Duration.between(from, to).toDays();
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
