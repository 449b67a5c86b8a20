package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.csv.ByteSource;
import io.switchboard.csv.FuzzRows;
import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fuzzes the contact import's public entry point on a real PostgreSQL: files of good contacts interleaved with rows it
 * must refuse (broken quotes, text after a closing quote, unknown phone types and owners, bytes outside UTF-8). Every
 * good row is stored, every bad one reported, nothing else. jqwik generates the files; the property runs as a plain
 * Spring test because the database comes from the Spring context ({@code fuzz.tries} / 10 files, at least 10).
 */
@PostgresTest
class ContactImportFuzzTest {

    private static final String HEADER = "Name,Company,E-Mail,Phone,Type,Tags,Owner\n";

    @Autowired
    ContactImporter importer;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyGoodContactAroundBadRowsIsStoredAndEveryBadOneReported() {
        int files = Math.max(10, Integer.getInteger("fuzz.tries", 250) / 10);
        List<List<Row>> samples = files().sampleStream().limit(files).toList();
        for (List<Row> rows : samples) {
            Database.clear(jdbc);
            directory.add(new NewUser("anna", "Anna", Role.AGENT, directory.team("Support"), "1001"));
            StringBuilder csv = new StringBuilder(HEADER);
            List<String> goodNames = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String name = "Fuzz " + i + " " + row.name();
                csv.append(row.line().replace("NAME", name)).append('\n');
                if (row.good()) {
                    goodNames.add(name);
                }
            }
            byte[] bytes = withInvalidUtf8(csv.toString().getBytes(StandardCharsets.UTF_8));

            ImportReport report = importer.importCsv(
                    ByteSource.of(bytes), StandardCharsets.UTF_8, ImportOptions.of(ContactImporterTest.MAPPING));

            assertThat(report.inserted()).as("inserted from %s", csv).isEqualTo(goodNames.size());
            assertThat(report.rejected())
                    .as("rejected from %s", csv)
                    .isEqualTo(rows.stream().filter(row -> !row.good()).count());
            assertThat(jdbc.queryForList("select name from contacts order by id", String.class))
                    .as("stored from %s", csv)
                    .containsExactlyInAnyOrderElementsOf(goodNames);
        }
    }

    private static Arbitrary<List<Row>> files() {
        Arbitrary<String> name = Arbitraries.strings()
                .withChars("abcdefXYZ éüß-'.")
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(String::strip)
                .filter(text -> !text.isEmpty() && !text.startsWith("'"));
        Arbitrary<String> phone = Arbitraries.strings()
                .withChars("0123456789 +()-/")
                .ofMaxLength(18)
                .map(String::strip);
        Arbitrary<Row> good = Combinators.combine(
                        name,
                        phone,
                        Arbitraries.of("", "work", "mobile", "HOME"),
                        Arbitraries.of("", "anna"),
                        Arbitraries.of("", "vip", "vip;engineering"),
                        Arbitraries.of("", "Analytical Engines", "\"Quoted, Inc\""))
                .as((n, p, type, owner, tags, company) ->
                        new Row("NAME," + company + ",," + p + "," + type + "," + tags + "," + owner, n, true));
        Arbitrary<Row> bad = name.flatMap(n -> Arbitraries.of(
                new Row("NAME,,,030 5550100,sideways,,", n, false),
                new Row("NAME,,,030 5550100,work,,nobody", n, false),
                new Row("\"NAME\"x,,,030 5550100,work,,", n, false),
                new Row("NAME,,,030 BADBYTE5550100,work,,", n, false)));
        Arbitrary<Row> unclosedQuote = name.map(n -> new Row("\"NAME,,,never closed", n, false));
        return FuzzRows.mixed(good, bad, unclosedQuote);
    }

    /** Each {@code BADBYTE} becomes the byte 0xFF, which no UTF-8 text has. */
    private static byte[] withInvalidUtf8(byte[] bytes) {
        byte[] marker = "BADBYTE".getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (java.util.Arrays.equals(
                    bytes, i, Math.min(bytes.length, i + marker.length), marker, 0, marker.length)) {
                out.write(0xFF);
                i += marker.length - 1;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    /** A row with {@code NAME} where its contact's name goes; {@code good} ones must be stored. */
    record Row(String line, String name, boolean good) {}
}
