package org.salescrm.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock every rule reads; tests replace it with an alternative to move time without
 * waiting. Its zone is the business time zone (a "day" of visits is a day in China, not in UTC),
 * and it ticks in microseconds, as PostgreSQL stores them, so what a write returns is what a
 * later read returns.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "crm.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        return new MicrosecondClock(Clock.system(zone));
    }
}
