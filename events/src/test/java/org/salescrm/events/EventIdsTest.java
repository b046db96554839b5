package org.salescrm.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersionSevenAndSortInTheOrderTheyWereMadeAsPostgreSqlComparesThem() {
        List<String> made = new ArrayList<>();
        // many within one millisecond too: there the generator counts up rather than drawing anew
        for (int i = 0; i < 10_000; i++) {
            UUID id = EventIds.next();
            assertThat(id.version()).isEqualTo(7);
            made.add(id.toString());
        }

        // PostgreSQL orders uuids by their bytes, unsigned: as their hex text sorts
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }
}
