package org.salescrm.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salescrm.platform.problem.ProblemException;

class PeriodTest {

    @Test
    void eachKindHasItsFirstAndLastDay() {
        assertThat(Period.parse("2026", "period")).isEqualTo(
                new Period("2026", Period.Kind.YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(Period.parse("2026-Q4", "period")).isEqualTo(
                new Period("2026-Q4", Period.Kind.QUARTER, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(Period.parse("2028-02", "period")).isEqualTo(
                new Period("2028-02", Period.Kind.MONTH, LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)));
        assertThat(Period.parse("2026-W47", "period")).isEqualTo(
                new Period("2026-W47", Period.Kind.WEEK, LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22)));
    }

    @Test
    void isoWeeksFollowTheWeekBasedYear() {
        // 2026 starts on a Thursday, so it has 53 ISO weeks and its first week starts in 2025
        assertThat(Period.parse("2026-W01", "period").start()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Period.parse("2026-W53", "period").end()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(Period.tryParse("2027-W53")).as("2027 has 52 weeks").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-Q5", "2026-Q0", "2026-W54", "2026-W00", "2026-13", "2026-00", "26", "2026-q4",
            "2026-W7", "2026-1", "1899", "2026-Q4 ", "", "2026/11"})
    void malformedPeriodsAreRefusedNamingTheField(String code) {
        assertThatThrownBy(() -> Period.parse(code, "period"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.violations()).singleElement()
                            .satisfies(v -> assertThat(v.field()).isEqualTo("period"));
                });
    }

    @Test
    void childPeriodsLieInsideTheirParent() {
        Period year = Period.parse("2026", "period");
        Period q4 = Period.parse("2026-Q4", "period");
        assertThat(year.contains(q4)).isTrue();
        assertThat(q4.contains(Period.parse("2026-11", "period"))).isTrue();
        assertThat(q4.contains(Period.parse("2026-W47", "period"))).isTrue();
        assertThat(q4.contains(Period.parse("2026-09", "period"))).isFalse();
        assertThat(year.contains(Period.parse("2026-W01", "period"))).as("starts in 2025").isFalse();
        assertThat(q4.contains(year)).isFalse();
        assertThat(q4.contains(q4)).isTrue();
    }

    @Test
    void previousPeriodIsTheOneOfTheSameKindJustBefore() {
        assertThat(Period.parse("2026", "p").previous().code()).isEqualTo("2025");
        assertThat(Period.parse("2026-Q1", "p").previous().code()).isEqualTo("2025-Q4");
        assertThat(Period.parse("2026-01", "p").previous().code()).isEqualTo("2025-12");
        assertThat(Period.parse("2027-W01", "p").previous().code()).isEqualTo("2026-W53");
        assertThat(Period.parse("2026-W01", "p").previous().code()).isEqualTo("2025-W52");
    }
}
