package org.salescrm.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NativeQueriesTest {

    private record Visit(UUID id, Instant at) {
    }

    @Test
    void columnBecomesAnArrayOfItsTypeInTheRowsOrderNullsKept() {
        Visit first = new Visit(UUID.randomUUID(), Instant.parse("2026-12-05T03:00:00Z"));
        Visit second = new Visit(null, null);

        Object values = NativeQueries.array(List.of(first, second), UUID.class, Visit::id).values();

        assertThat(values).isInstanceOf(UUID[].class);
        assertThat((UUID[]) values).containsExactly(first.id(), null);
    }

    @Test
    void instantsAreBoundAsTheirUtcTextForTheStatementToCast() {
        List<Visit> visits = List.of(new Visit(null, Instant.parse("2026-12-05T03:00:00.123456Z")),
                new Visit(null, null));

        Object values = NativeQueries.instants(visits, Visit::at).values();

        assertThat(Arrays.asList((String[]) values)).containsExactly("2026-12-05T03:00:00.123456Z", null);
    }
}
