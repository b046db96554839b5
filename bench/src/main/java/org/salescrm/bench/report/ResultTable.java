package org.salescrm.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The one table a run prints, as Markdown so that it goes into BENCHMARKS.md as it is. */
public final class ResultTable {

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public synchronized void add(Row row) {
        rows.add(row);
        System.out.println("[bench] " + row.figure() + ": " + row.value()
                + (row.reference().isEmpty() ? "" : " (" + row.reference() + ", " + row.ratio() + ")"));
    }

    /** A line printed under the table: the machine, the load average, what a figure did not cover. */
    public synchronized void note(String note) {
        notes.add(note);
        System.out.println("[bench] " + note);
    }

    public synchronized String markdown() {
        StringBuilder out = new StringBuilder();
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        out.append('\n');
        out.append("| figure | value | reference (same run) | ratio | target |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            out.append(String.format("| %s | %s | %s | %s | %s |%n", row.figure(), row.value(), row.reference(),
                    row.ratio(), row.target()));
        }
        return out.toString();
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
