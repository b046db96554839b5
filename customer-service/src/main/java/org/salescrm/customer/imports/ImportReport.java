package org.salescrm.customer.imports;

import java.util.List;

/** The answer to an import: counts and one entry per data row, in file order. */
public record ImportReport(int created, int duplicates, int invalid, List<ImportRow> rows) {

    static ImportReport of(List<ImportRow> rows) {
        return new ImportReport(count(rows, ImportRow.CREATED), count(rows, ImportRow.DUPLICATE),
                count(rows, ImportRow.INVALID), rows);
    }

    private static int count(List<ImportRow> rows, String status) {
        return (int) rows.stream().filter(r -> r.status().equals(status)).count();
    }
}
