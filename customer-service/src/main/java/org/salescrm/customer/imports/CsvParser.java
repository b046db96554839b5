package org.salescrm.customer.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, fields in double quotes may hold commas, line breaks and doubled
 * quotes. Lines end in CRLF or LF; a leading byte-order mark (as spreadsheet programs write) is dropped.
 */
final class CsvParser {

    private CsvParser() {
    }

    /**
     * One record of the file.
     *
     * @param line the line it starts on (1 is the first), as an editor or spreadsheet numbers it
     */
    record CsvRecord(int line, List<String> cells) {
    }

    /** Every record, blank lines left out; a quote left open runs to the end of the text. */
    static List<CsvRecord> parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CsvRecord> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                    if (ch == '\n') {
                        line++;
                    }
                }
            } else if (ch == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, recordLine, record, field);
                record = new ArrayList<>();
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
        }
        endRecord(records, recordLine, record, field);
        return records;
    }

    private static void endRecord(List<CsvRecord> records, int line, List<String> record, StringBuilder field) {
        record.add(field.toString());
        field.setLength(0);
        boolean blank = record.size() == 1 && record.get(0).isBlank();
        if (!blank) {
            records.add(new CsvRecord(line, record));
        }
    }
}
