package org.salescrm.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowTest {

    private static final Columns COLUMNS = Columns.of("id", "name", "at");

    @Test
    void rowOfDeclaredColumnsReadsEachByNameFromItsPosition() {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 5, 3, 0, 0, 0, ZoneOffset.ofHours(8));

        Row row = new Row(new Object[] {id, "华东机电", at}, COLUMNS);

        assertThat(row.uuid("id")).isEqualTo(id);
        assertThat(row.text("name")).isEqualTo("华东机电");
        assertThat(row.instant("at")).isEqualTo(Instant.parse("2026-12-04T19:00:00Z"));
    }

    @Test
    void columnNotDeclaredIsNamedWithTheDeclaredOnes() {
        Row row = new Row(new Object[] {UUID.randomUUID(), "x", null}, COLUMNS);

        assertThatThrownBy(() -> row.text("owner")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner").hasMessageContaining("name");
    }

    @Test
    void rowWhoseQuerySelectsOtherColumnsThanDeclaredIsRefused() {
        assertThatThrownBy(() -> new Row(new Object[] {UUID.randomUUID(), "x"}, COLUMNS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 columns, not the 3 declared");
    }
}
