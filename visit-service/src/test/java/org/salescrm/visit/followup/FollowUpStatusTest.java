package org.salescrm.visit.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FollowUpStatusTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static FollowUp dueOn(LocalDate day, String status) {
        FollowUp f = new FollowUp();
        f.dueOn = day;
        f.status = status;
        return f;
    }

    @Test
    void openFollowUpIsOverdueOnlyOnceItsDueDayHasPassed() {
        assertThat(FollowUpStatus.of(dueOn(TODAY, FollowUp.OPEN), TODAY)).isEqualTo(FollowUpStatus.OPEN);
        assertThat(FollowUpStatus.of(dueOn(TODAY.minusDays(1), FollowUp.OPEN), TODAY))
                .isEqualTo(FollowUpStatus.OVERDUE);
        assertThat(FollowUpStatus.of(dueOn(TODAY.minusDays(1), FollowUp.DONE), TODAY)).isEqualTo(FollowUpStatus.DONE);
    }
}
