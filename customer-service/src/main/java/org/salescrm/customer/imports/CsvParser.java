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

    /** Every record, blank lines left out; a quote left open runs to the end of the text. */
    static List<List<String>> parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
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
                endRecord(records, record, field);
                record = new ArrayList<>();
                fieldStarted = false;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
        }
        endRecord(records, record, field);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field) {
        record.add(field.toString());
        field.setLength(0);
        boolean blank = record.size() == 1 && record.get(0).isBlank();
        if (!blank) {
            records.add(record);
        }
    }
}
