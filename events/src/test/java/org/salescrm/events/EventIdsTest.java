package org.salescrm.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersionSevenAndSortInTheOrderTheyWereMadeAsPostgreSqlComparesThem() throws InterruptedException {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = EventIds.next();
            assertThat(id.version()).isEqualTo(7);
            made.add(id.toString());
            Thread.sleep(2);
        }

        // PostgreSQL orders uuids by their bytes, unsigned: as their hex text sorts
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }
}
