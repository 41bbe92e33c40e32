package no.kjernebro.auditreview.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainCellsStayAsTheyAre() {
        assertThat(Csv.cell("Siv Testsykepleier")).isEqualTo("Siv Testsykepleier");
        assertThat(Csv.cell("")).isEmpty();
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedPerRfc4180() {
        assertThat(Csv.cell("Hansen, Kari")).isEqualTo("\"Hansen, Kari\"");
        assertThat(Csv.cell("sa \"hei\"")).isEqualTo("\"sa \"\"hei\"\"\"");
        assertThat(Csv.cell("linje1\nlinje2")).isEqualTo("\"linje1\nlinje2\"");
        assertThat(Csv.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
    }

    @Test
    void formulaStartsAreDefused() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("+47 999")).isEqualTo("'+47 999");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void aDocumentHasAHeaderRowCrlfLinesAndUtf8() {
        byte[] csv = Csv.write(List.of("navn", "enhet"), List.of(List.of("Åse Ødegård", "Avd. 2, øst")));

        assertThat(new String(csv, StandardCharsets.UTF_8))
                .isEqualTo("navn,enhet\r\nÅse Ødegård,\"Avd. 2, øst\"\r\n");
    }
}
