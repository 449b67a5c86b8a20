package io.switchboard.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader both imports share: bytes in, rows and rejected lines out. */
class CsvFileTest {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The reproduction: 5,000 good rows, one unclosed quote, 5,000 more. */
    static String unclosedQuoteBetweenGoodRows() {
        StringBuilder csv = new StringBuilder("name,phone\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("Person ")
                    .append(i)
                    .append(",+4930")
                    .append(20_000_000 + i)
                    .append('\n');
        }
        csv.append("\"Unterminated,+493029999999\n");
        for (int i = 5000; i < 10_000; i++) {
            csv.append("Person ")
                    .append(i)
                    .append(",+4930")
                    .append(20_000_000 + i)
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void anUnclosedQuoteCostsItsOwnLineOnlyAndTheRowsAfterItAreRead() {
        CsvFile file = read(unclosedQuoteBetweenGoodRows());

        assertThat(file.rows()).hasSize(10_000);
        assertThat(file.rows().get(5000).line()).isEqualTo(5003);
        assertThat(file.rows().get(5000).get("name")).isEqualTo("Person 5000");
        assertThat(file.rejections()).hasSize(1);
        CsvRejection broken = file.rejections().get(0);
        assertThat(broken.line()).isEqualTo(5002);
        assertThat(broken.text()).isEqualTo("\"Unterminated,+493029999999");
        assertThat(broken.reason())
                .contains("quote opened on line 5002 is not closed")
                .contains("line 5002 skipped");
    }

    @Test
    void anUnclosedQuoteAtTheEndOfTheFileIsReportedAsSuch() {
        CsvFile file = read("name,phone\nAda,1\n\"Bea,2\nCy,3\n");

        assertThat(file.rows()).extracting(row -> row.get("name")).containsExactly("Ada", "Cy");
        assertThat(file.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(3);
            assertThat(rejection.reason()).contains("before the end of the file");
        });
    }

    @Test
    void aQuoteLeftOpenOverHugeLinesIsCutOffAtTheRecordLimit() {
        String huge = "x".repeat(CsvReader.MAX_LINE_LENGTH / 3);
        StringBuilder csv = new StringBuilder("name,notes\n\"Ann,").append(huge).append('\n');
        for (int i = 0; i < 5; i++) {
            csv.append("Row ").append(i).append(',').append(huge).append('\n');
        }

        CsvFile file = read(csv.toString());

        assertThat(file.rejections())
                .singleElement()
                .satisfies(rejection -> assertThat(rejection.reason())
                        .contains("within " + CsvReader.MAX_LINES_PER_RECORD + " lines or"));
        assertThat(file.rows())
                .extracting(row -> row.get("name"))
                .containsExactly("Row 0", "Row 1", "Row 2", "Row 3", "Row 4");
    }

    @Test
    void quotedCellsMayHoldLineBreaksDelimitersAndQuotes() {
        CsvFile file = read("name,notes\r\n\"Smith, Ann\",\"first line\r\nsecond \"\"quoted\"\" line\"\r\nBob,x\r\n");

        assertThat(file.rejections()).isEmpty();
        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(0).get("name")).isEqualTo("Smith, Ann");
        assertThat(file.rows().get(0).get("notes")).isEqualTo("first line\r\nsecond \"quoted\" line");
        assertThat(file.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void aStrayQuoteThatSwallowsRowsIsTakenForABrokenQuote() {
        // the stray quote on line 2 closes on line 4, making one record of lines 2-4 with more cells than the header
        CsvFile longer = read("name,phone\n\"Ann,1\nBob,2\nCy\",3,4\nDee,4\n");
        // here it closes before a quoted cell on line 4, which leaves text after the closing quote
        CsvFile textAfter = read("name,phone\n\"Ann,1\nBob,2\n\"Cy\",3\nDee,4\n");

        assertThat(longer.rejections()).extracting(CsvRejection::line).containsExactly(2L);
        assertThat(longer.rows()).extracting(row -> row.get("name")).containsExactly("Bob", "Cy\"", "Dee");
        assertThat(textAfter.rejections()).extracting(CsvRejection::line).containsExactly(2L);
        assertThat(textAfter.rows()).extracting(row -> row.get("name")).containsExactly("Bob", "Cy", "Dee");
    }

    @Test
    void textAfterAClosingQuoteRejectsThatLineOnly() {
        CsvFile file = read("name,phone\n\"Ann\"x,1\nBob,2\n");

        assertThat(file.rejections())
                .singleElement()
                .satisfies(rejection ->
                        assertThat(rejection.reason()).contains("text after the closing quote of cell 1 on line 2"));
        assertThat(file.rows()).extracting(row -> row.get("name")).containsExactly("Bob");
    }

    @Test
    void emptyRowsAsSpreadsheetsWriteThemAreSkipped() {
        CsvFile file = read("name,phone\nAnn,1\n,\n\n  ,  \nBob,2\n");

        assertThat(file.rows()).extracting(CsvRow::line).containsExactly(2L, 6L);
        assertThat(file.rejections()).isEmpty();
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstColumnsName() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("name,phone\nJürgen,1\n"));

        CsvFile file = CsvFile.read(bytes, null, null);

        assertThat(file.header().names()).containsExactly("name", "phone");
        assertThat(file.rows().get(0).get("name")).isEqualTo("Jürgen");
        assertThat(file.encoding()).isEqualTo("UTF-8 (byte-order mark)");
    }

    @Test
    void windows1252AsExcelWritesItIsDetected() {
        byte[] bytes = "name;phone\nJürgen Weiß;030 1\nFrançois Müller;030 2\nZoë € 5;030 3\n".getBytes(WINDOWS_1252);

        CsvFile file = CsvFile.read(bytes, null, null);

        assertThat(file.encoding()).isEqualTo("windows-1252 (detected)");
        assertThat(file.header().delimiter()).isEqualTo(';');
        assertThat(file.rows())
                .extracting(row -> row.get("name"))
                .containsExactly("Jürgen Weiß", "François Müller", "Zoë € 5");
        assertThat(file.rejections()).isEmpty();
    }

    @Test
    void latin1IsReadAsWindows1252() {
        byte[] bytes = "name,phone\nJürgen,1\n".getBytes(StandardCharsets.ISO_8859_1);

        CsvFile file = CsvFile.read(bytes, null, null);

        assertThat(file.rows().get(0).get("name")).isEqualTo("Jürgen");
        assertThat(file.encoding()).isEqualTo("windows-1252 (detected)");
    }

    @Test
    void utf8WithoutAMarkIsDetectedAndAsciiIsUtf8() {
        assertThat(CsvFile.read(utf8("name\nJürgen\n"), null, null).encoding()).isEqualTo("UTF-8 (detected)");
        assertThat(CsvFile.read(utf8("name\nJurgen\n"), null, null).encoding()).isEqualTo("UTF-8 (detected)");
    }

    @Test
    void excelsUnicodeTextIsUtf16WithAMarkAndTabs() {
        byte[] bytes = concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                "name\tphone\r\nJürgen\t030 1\r\n".getBytes(StandardCharsets.UTF_16LE));

        CsvFile file = CsvFile.read(bytes, null, null);

        assertThat(file.encoding()).isEqualTo("UTF-16LE (byte-order mark)");
        assertThat(file.header().delimiter()).isEqualTo('\t');
        assertThat(file.rows().get(0).get("name")).isEqualTo("Jürgen");
        assertThat(file.rows().get(0).get("phone")).isEqualTo("030 1");
    }

    @Test
    void aGivenUtf16ReadsItsOwnByteOrderMark() {
        byte[] bytes = concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                "name\tphone\r\nJürgen\t030 1\r\n".getBytes(StandardCharsets.UTF_16LE));

        CsvFile file = CsvFile.read(bytes, null, StandardCharsets.UTF_16);

        assertThat(file.encoding()).isEqualTo("UTF-16 (given)");
        assertThat(file.rows().get(0).get("name")).isEqualTo("Jürgen");
    }

    @Test
    void binaryFilesAreRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThatThrownBy(() -> CsvFile.read(png, null, null))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("not text");
        assertThatThrownBy(() -> CsvFile.read("name\nAnn\n".getBytes(StandardCharsets.UTF_16LE), null, null))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("byte-order mark");
    }

    @Test
    void bytesNotInAGivenCharsetRejectTheirRowOnly() {
        byte[] bytes = concat(utf8("name\nAnn\n"), new byte[] {'B', (byte) 0xFC, 'b', '\n'}, utf8("Cy\n"));

        CsvFile file = CsvFile.read(bytes, null, StandardCharsets.UTF_8);

        assertThat(file.encoding()).isEqualTo("UTF-8 (given)");
        assertThat(file.rows()).extracting(row -> row.get("name")).containsExactly("Ann", "Cy");
        assertThat(file.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(3);
            assertThat(rejection.reason()).isEqualTo("has bytes that are not UTF-8");
        });
    }

    @Test
    void aHeaderNamingAColumnTwiceOrNoHeaderIsRefused() {
        assertThatThrownBy(() -> read("name,phone,name\n")).isInstanceOf(CsvFormatException.class);
        assertThatThrownBy(() -> read("\n\n")).isInstanceOf(CsvFormatException.class);
        assertThatThrownBy(() -> read("\"name,phone\n")).isInstanceOf(CsvFormatException.class);
        assertThatThrownBy(() -> CsvFile.read(utf8("name\nAnn\n"), '"', null)).isInstanceOf(CsvFormatException.class);
    }

    @Test
    void exportedCellsReadBackAsTheyWere() throws IOException {
        StringWriter out = new StringWriter();
        try (SpreadsheetCsvWriter writer = SpreadsheetCsvWriter.to(out, "number", "name")) {
            writer.row("+4930123", "=1+2");
            writer.row("0301", "'quoted' name");
        }

        CsvFile file = read(out.toString());

        assertThat(file.rows())
                .extracting(CsvRow::cells)
                .containsExactly(List.of("+4930123", "=1+2"), List.of("0301", "'quoted' name"));
    }

    private static CsvFile read(String text) {
        return CsvFile.read(utf8(text), null, null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
