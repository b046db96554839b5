package org.salescrm.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MicrosecondClockTest {

    static final Clock NANOSECONDS = Clock.fixed(Instant.parse("2026-11-03T09:30:00.123456789Z"), ZoneOffset.UTC);

    @Test
    void readsWhatPostgresKeeps() {
        assertThat(new MicrosecondClock(NANOSECONDS).instant()).isEqualTo(Instant.parse("2026-11-03T09:30:00.123456Z"));
    }

    @Test
    void readsMillisecondsToo() {
        assertThat(new MicrosecondClock(NANOSECONDS).millis()).isEqualTo(NANOSECONDS.millis());
    }

    @Test
    void keepsItsBusinessZone() {
        Clock shanghai = new MicrosecondClock(NANOSECONDS).withZone(ZoneId.of("Asia/Shanghai"));

        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(shanghai.instant()).isEqualTo(Instant.parse("2026-11-03T09:30:00.123456Z"));
    }
}
