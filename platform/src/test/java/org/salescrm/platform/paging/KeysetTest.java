package org.salescrm.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salescrm.platform.problem.ProblemException;

class KeysetTest {

    private static final UUID ID = UUID.fromString("6f1c2a8e-0000-4000-8000-000000000001");

    private static PageRequest after(String sortValue) {
        return PageRequest.of("10", new Cursor(sortValue, ID).encode());
    }

    @Test
    void firstPageAddsNoConditionAndNoParameter() {
        Map<String, Object> params = new HashMap<>();

        assertThat(Keyset.NEWEST_FIRST.andAfter("createdAt", PageRequest.of(null, null), params)).isEmpty();
        assertThat(params).isEmpty();
    }

    @Test
    void newestFirstContinuesBelowTheCursorAndBreaksTiesById() {
        Map<String, Object> params = new HashMap<>();

        String condition = Keyset.NEWEST_FIRST.andAfter("raisedAt", after("2026-12-01T08:00:00Z"), params);

        assertThat(condition).isEqualTo(" and (raisedAt < :afterSort or (raisedAt = :afterSort and id < :afterId))");
        assertThat(params).containsEntry("afterSort", Instant.parse("2026-12-01T08:00:00Z")).containsEntry("afterId", ID);
        assertThat(Keyset.NEWEST_FIRST.orderBy("raisedAt")).isEqualTo(" order by raisedAt desc, id desc");
    }

    @Test
    void oldestFirstReadsTheSortValueAsAskedAndContinuesAboveIt() {
        Map<String, Object> params = new HashMap<>();

        String condition = Keyset.OLDEST_FIRST.andAfter("dueOn", after("2026-12-24"), Cursor::sortDate, params);

        assertThat(condition).isEqualTo(" and (dueOn > :afterSort or (dueOn = :afterSort and id > :afterId))");
        assertThat(params).containsEntry("afterSort", LocalDate.of(2026, 12, 24));
        assertThat(Keyset.OLDEST_FIRST.orderBy("dueOn")).isEqualTo(" order by dueOn, id");
    }

    @Test
    void aSortValueOfTheWrongKindIsTheSame400AsAForeignCursor() {
        assertThatThrownBy(() -> Keyset.OLDEST_FIRST.andAfter("seq", after("2026-12-24"), Cursor::sortNumber,
                new HashMap<>()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> Keyset.NEWEST_FIRST.andAfter("createdAt", after("17"), new HashMap<>()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
