package org.salescrm.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.salescrm.platform.problem.ProblemException;

class PageTest {

    record Row(int n, UUID id) {
    }

    static List<Row> rows(int count) {
        return IntStream.range(0, count).mapToObj(n -> new Row(n, UUID.randomUUID())).toList();
    }

    @Test
    void fullPageWithMoreBehindItPointsAtItsLastItem() {
        List<Row> fetched = rows(4);
        PageRequest request = PageRequest.of("3", null);

        Page<Integer> page = Page.of(fetched, request, r -> new Cursor(String.valueOf(r.n()), r.id()), Row::n);

        assertThat(page.items()).containsExactly(0, 1, 2);
        assertThat(Cursor.decode(page.next())).isEqualTo(new Cursor("2", fetched.get(2).id()));
    }

    @Test
    void lastPageHasNoNext() {
        Page<Integer> page = Page.of(rows(2), PageRequest.of("3", null), r -> new Cursor("x", r.id()), Row::n);

        assertThat(page.next()).isNull();
        assertThat(page.items()).hasSize(2);
    }

    @Test
    void limitDefaultsTo50AndIsBounded() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.of("200", null).fetchSize()).isEqualTo(201);
        assertThatThrownBy(() -> PageRequest.of("201", null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.violations()).extracting("field").containsExactly("limit"));
        assertThatThrownBy(() -> PageRequest.of("0", null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void limitThatIsNotANumberIsABadRequestOnLimit() {
        assertThatThrownBy(() -> PageRequest.of("ten", null)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.violations()).extracting("field").containsExactly("limit");
        });
    }

    @Test
    void tamperedSortValueIsABadRequestOnCursor() {
        Cursor tampered = new Cursor("not-an-instant", UUID.randomUUID());

        assertThatThrownBy(tampered::sortInstant).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.violations()).extracting("field").containsExactly("cursor"));
    }

    @Test
    void cursorSurvivesChineseSortValues() {
        Cursor cursor = new Cursor("杭州云杉科技", UUID.randomUUID());

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void foreignCursorIsABadRequestOnCursor() {
        assertThatThrownBy(() -> PageRequest.of("10", "bm90LWEtY3Vyc29y")).isInstanceOfSatisfying(ProblemException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).extracting("field").containsExactly("cursor");
                });
    }
}
