package io.switchboard.contact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.switchboard.csv.ByteSource;
import io.switchboard.csv.UnreadableFileException;
import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@PostgresTest
class ContactImporterTest {

    static final ColumnMapping MAPPING =
            new ColumnMapping("Name", "Company", "E-Mail", "Phone", "Type", "Tags", "Owner", null);

    static final String HEADER = "Name,Company,E-Mail,Phone,Type,Tags,Owner\n";

    @Autowired
    ContactImporter importer;

    @Autowired
    CallerLookup lookup;

    @Autowired
    Contacts contacts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    Viewer admin;
    TeamId support;

    @BeforeEach
    void emptyDatabase() {
        Database.clear(jdbc);
        support = directory.team("Support");
        directory.add(new NewUser("anna", "Anna", Role.AGENT, support, "1001"));
        admin = directory
                .add(new NewUser("root", "Root", Role.ADMIN, null, null))
                .viewer();
    }

    @Test
    void goodRowsBecomeContactsWithAccountsPhonesAndTags() {
        ImportReport report = importCsv(HEADER
                + "Ada Lovelace,Analytical Engines,ada@example.org,030 1234567,work,vip;engineering,anna\n"
                + "Charles Babbage,Analytical Engines,,+44 20 7946 0958,mobile,,\n");

        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.rejected()).isZero();
        CallerMatch ada = lookup.lookup("+49301234567", admin);
        assertThat(ada.rank()).isEqualTo(MatchRank.EXACT);
        Contact imported = contacts.find(ada.contacts().get(0).id(), admin).orElseThrow();
        assertThat(imported.name()).isEqualTo("Ada Lovelace");
        assertThat(imported.account().name()).isEqualTo("Analytical Engines");
        assertThat(imported.email()).isEqualTo("ada@example.org");
        assertThat(imported.tags()).containsExactlyInAnyOrder("vip", "engineering");
        assertThat(imported.owner())
                .isEqualTo(directory.findByUsername("anna").orElseThrow().id());
        assertThat(imported.team()).isEqualTo(support);
        assertThat(imported.phones())
                .containsExactly(new Phone(PhoneType.WORK, "030 1234567", "+49301234567", "DE", false));
        assertThat(Database.count(jdbc, "accounts")).isEqualTo(1);
    }

    @Test
    void standardMappingTakesTheColumnsAFileHas() {
        ImportReport report = importer.importCsv(
                new StringReader("name,phone\nGrace Hopper,030 5550100\n"), ImportOptions.of(ColumnMapping.standard()));

        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.rejected()).isZero();
        assertThatThrownBy(() -> importer.importCsv(
                        new StringReader("phone\n030 5550100\n"), ImportOptions.of(ColumnMapping.standard())))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("name");
    }

    @Test
    void rowWithABadPhoneNumberIsKeptWithTheNumberFlagged() {
        ImportReport report = importCsv(HEADER + "Odd Number,,,call reception,,,\n");

        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.rejected()).isZero();
        assertThat(report.unparseablePhones()).isEqualTo(1);
        Phone phone = jdbc.queryForObject(
                "select raw_text, unparseable, e164 from phone_numbers",
                (rs, row) -> new Phone(PhoneType.OTHER, rs.getString(1), rs.getString(3), null, rs.getBoolean(2)));
        assertThat(phone.raw()).isEqualTo("call reception");
        assertThat(phone.unparseable()).isTrue();
        assertThat(phone.e164()).isNull();
    }

    @Test
    void badRowsAreRejectedWithTheirRowNumberAndReasonAndGoodRowsKept() {
        ImportReport report = importCsv(HEADER
                + "Good One,,,030 1111111,,,\n"
                + ",No Name Ltd,,030 2222222,,,\n"
                + "Bad Mail,,not-an-address,030 3333333,,,\n"
                + "Unknown Owner,,,030 4444444,,,nobody\n"
                + "Weird Type,,,030 5555555,pager,,\n"
                + "Good Two,,,030 6666666,,,\n");

        assertThat(report.rows()).isEqualTo(6);
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(4);
        assertThat(report.rejections())
                .containsExactly(
                        new RejectedRow(3, "missing name"),
                        new RejectedRow(4, "invalid email 'not-an-address'"),
                        new RejectedRow(5, "unknown owner 'nobody'"),
                        new RejectedRow(6, "unknown phone type 'pager' (use mobile, work, home, fax or other)"));
        assertThat(Database.count(jdbc, "contacts")).isEqualTo(2);
    }

    @Test
    void reimportUpdatesTheContactInsteadOfDuplicatingIt() {
        importCsv(HEADER + "Ada Lovelace,Analytical Engines,ada@example.org,030 1234567,work,vip,\n");

        ImportReport again =
                importCsv(HEADER + "ada lovelace,Difference Engines,ada@new.example,+49 30 1234567,mobile,poet,anna\n");

        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isEqualTo(1);
        assertThat(Database.count(jdbc, "contacts")).isEqualTo(1);
        assertThat(Database.count(jdbc, "phone_numbers")).isEqualTo(1);
        Contact ada = contacts.find(
                        lookup.lookup("+49301234567", admin).contacts().get(0).id(), admin)
                .orElseThrow();
        assertThat(ada.email()).isEqualTo("ada@new.example");
        assertThat(ada.account().name()).isEqualTo("Difference Engines");
        assertThat(ada.tags()).containsExactly("poet");
        assertThat(ada.phones()).extracting(Phone::type).containsExactly(PhoneType.MOBILE);
        assertThat(ada.owner()).isNotNull();
    }

    @Test
    void sameNameWithAnotherNumberIsAnotherContact() {
        importCsv(HEADER + "John Smith,,,030 1234567,,,\n");

        ImportReport report = importCsv(HEADER + "John Smith,,,089 7654321,,,\n");

        assertThat(report.inserted()).isEqualTo(1);
        assertThat(Database.count(jdbc, "contacts")).isEqualTo(2);
    }

    @Test
    void repeatedRowsInOneFileBecomeOneContact() {
        ImportReport report = importCsv(HEADER
                + "Ada Lovelace,,,030 1234567,,first,\n"
                + "Odd Number,,,n/a 42,,,\n"
                + "Ada Lovelace,,,+49301234567,,second,\n"
                + "Odd Number,,,n/a 42,,,\n");

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.updated()).isEqualTo(2);
        assertThat(Database.count(jdbc, "contacts")).isEqualTo(2);
        assertThat(jdbc.queryForList("select tag from contact_tags", String.class))
                .containsExactly("second");
    }

    @Test
    void rowsAreWrittenAcrossSeveralBatches() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 4500; i++) {
            csv.append("Person ")
                    .append(i)
                    .append(",Company ")
                    .append(i % 7)
                    .append(",,+4930")
                    .append(20_000_000 + i)
                    .append(",,,\n");
        }

        ImportReport report = importCsv(csv.toString());

        assertThat(report.inserted()).isEqualTo(4500);
        assertThat(Database.count(jdbc, "contacts")).isEqualTo(4500);
        assertThat(Database.count(jdbc, "accounts")).isEqualTo(7);
        assertThat(importCsv(csv.toString()).updated()).isEqualTo(4500);
        assertThat(Database.count(jdbc, "contacts")).isEqualTo(4500);
    }

    @Test
    void importedAndHandMadeContactsNeverShareAnId() {
        ContactId before = handMade("Before");
        importCsv(HEADER + "Imported,,,030 1234567,,,\n");
        ContactId after = handMade("After");

        assertThat(Database.count(jdbc, "contacts")).isEqualTo(3);
        assertThat(jdbc.queryForList("select id from contacts", Long.class))
                .doesNotHaveDuplicates()
                .contains(before.value(), after.value());
    }

    @Test
    void mappedColumnMissingFromTheHeaderFailsTheWholeImport() {
        assertThatThrownBy(() -> importCsv("Name,Phone\nAda,030 1234567\n"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("company column 'Company'");
        assertThat(Database.count(jdbc, "contacts")).isZero();
    }

    @Test
    void awkwardCharactersSurviveTheBulkLoad() {
        String name = "O'Brien \\ Söhne\tGmbH";
        String company = "Line\nBreak & \"Quotes\"";

        importCsv(HEADER + "\"" + name + "\",\"" + company.replace("\"", "\"\"") + "\",,030 1234567,,,\n");

        Contact imported = contacts.find(
                        lookup.lookup("+49301234567", admin).contacts().get(0).id(), admin)
                .orElseThrow();
        assertThat(imported.name()).isEqualTo(name);
        assertThat(imported.account().name()).isEqualTo(company);
    }

    @Test
    void jdbcBatchesImportTheSameAsCopy() {
        ContactProperties noCopy = new ContactProperties("DE", 8, 4, 20, 5, 2, 2, false, 100);
        ContactImporter batches = new ContactImporter(
                jdbc, new TransactionTemplate(transactionManager), new PhoneNormalizer("DE"), directory, noCopy);
        String csv = HEADER
                + "Ada Lovelace,Engines,ada@example.org,030 1234567,work,vip;poet,anna\n"
                + "Odd Number,,,n/a,,,\n"
                + "Charles Babbage,Engines,,,,,\n";

        ImportReport report = batches.importCsv(new StringReader(csv), ImportOptions.of(MAPPING));
        ImportReport again = batches.importCsv(new StringReader(csv), ImportOptions.of(MAPPING));

        assertThat(report.inserted()).isEqualTo(3);
        // Ada matches by name and number; rows with neither digits nor email cannot be recognised again.
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.inserted()).isEqualTo(2);
        Contact ada = contacts.find(
                        lookup.lookup("+49301234567", admin).contacts().get(0).id(), admin)
                .orElseThrow();
        assertThat(ada.tags()).containsExactlyInAnyOrder("vip", "poet");
        assertThat(ada.phones()).extracting(Phone::type).containsExactly(PhoneType.WORK);
    }

    @Test
    void aWriterFailingStopsTheWholeImportWithItsError() throws InterruptedException {
        // A real database error in one writer only: PostgreSQL refuses one row's phone number.
        jdbc.execute("""
                create function refuse_boom() returns trigger language plpgsql as $$
                begin
                    if new.raw_text like '%boom%' then raise exception 'refused %', new.raw_text; end if;
                    return new;
                end $$""");
        jdbc.execute("create trigger refuse_boom before insert on phone_numbers for each row execute function"
                + " refuse_boom()");
        try {
            ContactProperties smallBatches = new ContactProperties("DE", 8, 4, 20, 5, 2, 2, true, 100);
            PhoneNormalizer normalizer = new PhoneNormalizer("DE");
            ContactImporter importer = new ContactImporter(
                    jdbc, new TransactionTemplate(transactionManager), normalizer, directory, smallBatches);
            // The refused row goes to the second writer, so the first one is left waiting for rows that the
            // reader, blocked on the failed writer's full queue, never deals.
            StringBuilder csv = new StringBuilder(HEADER);
            boolean refused = false;
            int[] perWriter = new int[2];
            for (int i = 0; i < 200; i++) {
                String name = "Person " + i;
                String phone = "030 " + (20_000_000 + i);
                int writer = Math.floorMod(
                        CsvBatchReader.spread(ImportRow.keyOf(name, normalizer.normalize(phone), null)
                                .hashCode()),
                        2);
                perWriter[writer]++;
                if (!refused && writer == 1) {
                    phone = phone + " boom";
                    refused = true;
                }
                csv.append(name).append(",,,").append(phone).append(",,,\n");
            }

            assertThat(perWriter[0]).as("rows dealt to the first writer").isGreaterThan(50);
            assertThat(perWriter[1]).as("rows dealt to the second writer").isGreaterThan(50);
            assertTimeoutPreemptively(
                    Duration.ofSeconds(30),
                    () -> assertThatThrownBy(() ->
                                    importer.importCsv(new StringReader(csv.toString()), ImportOptions.of(MAPPING)))
                            .hasMessageContaining("refused"));
            // a failed import has stopped writing when it reports the failure (a writer left running wrote into the
            // next test's emptied tables on a loaded CI machine): what is stored then stays so once every writer
            // thread has ended
            long storedWhenReported = Database.count(jdbc, "phone_numbers");
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith("contact-import-")
                        && thread.getName().endsWith("-writer")) {
                    thread.join(Duration.ofSeconds(30).toMillis());
                }
            }
            assertThat(Database.count(jdbc, "phone_numbers")).isEqualTo(storedWhenReported);
        } finally {
            jdbc.execute("drop trigger refuse_boom on phone_numbers");
            jdbc.execute("drop function refuse_boom()");
        }
    }

    @Test
    void anUnclosedQuoteCostsItsLineAndEveryOtherRowIsImported() {
        // the reproduction: 5,000 good rows, one unclosed quote, 5,000 more
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 10_000; i++) {
            if (i == 5000) {
                csv.append("\"Unterminated,,,030 29999999,,,\n");
            }
            csv.append("Person ")
                    .append(i)
                    .append(",,,+4930")
                    .append(20_000_000 + i)
                    .append(",,,\n");
        }

        ImportReport report = importCsv(csv.toString());

        assertThat(report.inserted()).isEqualTo(10_000);
        assertThat(report.rows()).isEqualTo(10_001);
        assertThat(report.rejections()).singleElement().satisfies(rejected -> {
            assertThat(rejected.row()).isEqualTo(5002);
            assertThat(rejected.reason()).contains("quote opened on line 5002 is not closed");
        });
        assertThat(Database.count(jdbc, "contacts")).isEqualTo(10_000);
    }

    @Test
    void excelsCsvUtf8WithItsByteOrderMarkImports() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        ImportReport report = importBytes(concat(bom, (HEADER + "Jürgen Weiß,,,030 1234567,,,\n").getBytes(UTF_8)));

        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.encoding()).isEqualTo("UTF-8 (byte-order mark)");
        assertThat(importedName()).isEqualTo("Jürgen Weiß");
    }

    @Test
    void excelsPlainCsvInWindows1252IsDetectedAndStoredCorrectly() {
        byte[] latin = "Name;Phone\nJürgen Weiß;030 1234567\n".getBytes(Charset.forName("windows-1252"));

        ImportReport report = importer.importCsv(
                ByteSource.of(latin),
                null,
                ImportOptions.of(new ColumnMapping("Name", null, null, "Phone", null, null, null, null)));

        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.rejected()).isZero();
        assertThat(report.encoding()).isEqualTo("windows-1252 (detected)");
        assertThat(report.delimiter()).isEqualTo(";");
        assertThat(importedName()).isEqualTo("Jürgen Weiß");
    }

    @Test
    void excelsUnicodeTextInUtf16WithTabsImports() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        String tabbed = "Name\tPhone\r\nJürgen Weiß\t030 1234567\r\n";

        ImportReport report = importer.importCsv(
                ByteSource.of(concat(bom, tabbed.getBytes(StandardCharsets.UTF_16LE))),
                null,
                ImportOptions.of(new ColumnMapping("Name", null, null, "Phone", null, null, null, null)));

        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.encoding()).isEqualTo("UTF-16LE (byte-order mark)");
        assertThat(importedName()).isEqualTo("Jürgen Weiß");
    }

    @Test
    void aBinaryFileIsRefusedAndNothingStored() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 'N', 'a', 'm', 'e', '\n'};

        assertThatThrownBy(() -> importBytes(zip)).isInstanceOf(UnreadableFileException.class);
        assertThat(Database.count(jdbc, "contacts")).isZero();
    }

    @Test
    void bytesNotInTheGivenCharsetRejectTheirRowOnly() {
        byte[] mixed = concat(
                (HEADER + "Good One,,,030 1111111,,,\n").getBytes(UTF_8),
                "J\u00fcrgen,,,030 2222222,,,\n".getBytes(StandardCharsets.ISO_8859_1),
                "Good Two,,,030 3333333,,,\n".getBytes(UTF_8));

        ImportReport report = importer.importCsv(ByteSource.of(mixed), UTF_8, ImportOptions.of(MAPPING));

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.rejections()).containsExactly(new RejectedRow(3, "has bytes that are not UTF-8"));
    }

    @Test
    void semicolonSeparatedFilesImportWithTheirDelimiter() {
        ColumnMapping columns = new ColumnMapping("Name", null, null, "Telefon", null, null, null, null);
        ImportOptions options = new ImportOptions(columns, Visibility.TEAM, support, ';');

        ImportReport report = importer.importCsv(new StringReader("Name;Telefon\nMüller, Hans;030 1234567\n"), options);

        assertThat(report.inserted()).isEqualTo(1);
        Contact hans = contacts.find(
                        lookup.lookup("0301234567", admin).contacts().get(0).id(), admin)
                .orElseThrow();
        assertThat(hans.name()).isEqualTo("Müller, Hans");
        assertThat(hans.visibility()).isEqualTo(Visibility.TEAM);
        assertThat(hans.team()).isEqualTo(support);
    }

    private ImportReport importBytes(byte[] csv) {
        return importer.importCsv(ByteSource.of(csv), null, ImportOptions.of(MAPPING));
    }

    private String importedName() {
        return jdbc.queryForObject("select name from contacts", String.class);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private ImportReport importCsv(String csv) {
        return importer.importCsv(new StringReader(csv), ImportOptions.of(MAPPING));
    }

    private ContactId handMade(String name) {
        return contacts.create(
                        new NewContact(name, null, null, null, null, Visibility.COMPANY, Set.of(), null, List.of()))
                .id();
    }
}
