package org.salescrm.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        String csv = "\uFEFFname,address\r\n\"上海\"\"浦江\"\"机电\",\"徐汇区, 漕溪路\n2号\"\r\n\r\n杭州云杉,\n";

        assertThat(CsvParser.parse(csv)).containsExactly(
                new CsvParser.CsvRecord(1, List.of("name", "address")),
                new CsvParser.CsvRecord(2, List.of("上海\"浦江\"机电", "徐汇区, 漕溪路\n2号")),
                new CsvParser.CsvRecord(5, List.of("杭州云杉", "")));
    }
}
