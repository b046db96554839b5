package org.salescrm.analytics.activity;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.salescrm.analytics.Sql;

/**
 * What each rep did per business day, as counters. Counters are only moved by an event applied for
 * the first time (the inbox's mark) that also changed a fact (the version gate), so they stay exact
 * under redelivery.
 */
@ApplicationScoped
public class RepActivity {

    private final ZoneId businessZone;

    public RepActivity(Clock clock) {
        this.businessZone = clock.getZone();
    }

    public LocalDate businessDay(Instant at) {
        return LocalDate.ofInstant(at, businessZone);
    }

    public Uni<Void> add(String ownerId, String ownerTeam, LocalDate day, Delta delta) {
        if (ownerId == null) {
            return Uni.createFrom().voidItem();
        }
        return Sql.update("""
                        INSERT INTO rep_activity (owner_id, day, owner_team, new_customers, visits, effective_visits,
                                                  won_deals, won_amount)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (owner_id, day) DO UPDATE SET
                            owner_team = COALESCE(EXCLUDED.owner_team, rep_activity.owner_team),
                            new_customers = rep_activity.new_customers + EXCLUDED.new_customers,
                            visits = rep_activity.visits + EXCLUDED.visits,
                            effective_visits = rep_activity.effective_visits + EXCLUDED.effective_visits,
                            won_deals = rep_activity.won_deals + EXCLUDED.won_deals,
                            won_amount = rep_activity.won_amount + EXCLUDED.won_amount""",
                ownerId, day, ownerTeam, delta.newCustomers, delta.visits, delta.effectiveVisits, delta.wonDeals,
                delta.wonAmount).replaceWithVoid();
    }

    /** Amounts to add to one day's counters (negative to take a corrected visit back). */
    public record Delta(int newCustomers, int visits, int effectiveVisits, int wonDeals, BigDecimal wonAmount) {

        public static Delta newCustomer() {
            return new Delta(1, 0, 0, 0, BigDecimal.ZERO);
        }

        public static Delta visit(int sign, boolean effective) {
            return new Delta(0, sign, effective ? sign : 0, 0, BigDecimal.ZERO);
        }

        public static Delta won(BigDecimal amount) {
            return new Delta(0, 0, 0, 1, amount == null ? BigDecimal.ZERO : amount);
        }
    }
}
