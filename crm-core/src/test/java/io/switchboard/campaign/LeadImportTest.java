package io.switchboard.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.campaign.dnc.DncKind;
import io.switchboard.campaign.dnc.DoNotCall;
import io.switchboard.campaign.list.LeadColumns;
import io.switchboard.campaign.list.LeadImport;
import io.switchboard.campaign.list.LeadImportOptions;
import io.switchboard.campaign.list.LeadImportStatus;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.campaign.list.RejectedLead;
import io.switchboard.contact.ContactId;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import io.switchboard.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class LeadImportTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    LeadImports imports;

    @Autowired
    DoNotCall doNotCall;

    @Autowired
    Contacts contacts;

    @Autowired
    Directory directory;

    @Autowired
    SimpleMeterRegistry meters;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    CampaignFixture fixture;
    Campaign campaign;

    @BeforeEach
    void aCampaign() {
        Database.clear(jdbc);
        clock.set(Instant.parse("2026-06-08T12:00:00Z"));
        fixture = new CampaignFixture(directory);
        campaign = campaigns.create(CampaignSettings.defaults("Summer offer", "sales"), fixture.managerView());
    }

    @Test
    void goodRowsAreKeptAndEveryBadRowIsReportedWithItsReason() {
        doNotCall.add(null, DncKind.NUMBER, "+49 30 7654321", "asked us", fixture.managerView());
        doNotCall.add(campaign.id(), DncKind.PREFIX, "+4989", "no Munich", fixture.managerView());

        LeadImport report = imports.importCsv(
                campaign.id(),
                "list.csv",
                new StringReader("phone,first,last,zone,plan\n"
                        + "+1 212 736 5000,Ada,Lovelace,,gold\n" // 2: New York by its number
                        + "12345,Bad,Number,,\n" // 3: invalid
                        + "030 1234567,Charles,Babbage,,silver\n" // 4: Berlin (default region DE)
                        + "+49 30 1234567,,,,platinum\n" // 5: the same number: merged
                        + "030 7654321,Dnc,Global,,\n" // 6: on the global list
                        + "089 1234567,Dnc,Prefix,,\n" // 7: campaign prefix +4989
                        + "+1 212 736 5001,Grace,Hopper,America/Chicago,\n" // 8: zone overridden
                        + "+1 212 736 5002,Alan,Turing,Mars/Base,\n" // 9: unknown zone
                        + ",No,Number,,\n"), // 10: missing number
                LeadImportOptions.of(new LeadColumns("phone", null, "first", "last", "zone", null)),
                fixture.managerView());

        assertThat(report.status()).isEqualTo(LeadImportStatus.DONE);
        assertThat(report.rowsRead()).isEqualTo(9);
        assertThat(report.imported()).isEqualTo(3);
        assertThat(report.merged()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(5);
        List<RejectedLead> rejected = imports.rejections(report.id(), 0, 100, fixture.managerView());
        assertThat(rejected).extracting(RejectedLead::row).containsExactly(3L, 6L, 7L, 9L, 10L);
        assertThat(rejected.get(0).reason()).contains("not a valid phone number");
        assertThat(rejected.get(0).cells()).containsExactly("12345", "Bad", "Number", "", "");
        assertThat(rejected.get(1).reason()).contains("global do-not-call list");
        assertThat(rejected.get(2).reason()).contains("prefix +4989").contains("campaign's do-not-call list");
        assertThat(rejected.get(3).reason()).contains("unknown time zone: Mars/Base");
        assertThat(rejected.get(4).reason()).isEqualTo("no phone number");

        Map<String, Object> ada = lead("+12127365000");
        assertThat(ada.get("timezone")).isEqualTo("America/New_York");
        assertThat(ada.get("name")).isEqualTo("Ada Lovelace");
        assertThat((String) ada.get("data")).isEqualTo("{\"plan\":\"gold\"}");
        Map<String, Object> charles = lead("+49301234567");
        assertThat(charles.get("timezone")).isEqualTo("Europe/Berlin");
        assertThat((String) charles.get("data")).isEqualTo("{\"plan\":\"platinum\"}");
        assertThat(lead("+12127365001").get("timezone")).isEqualTo("America/Chicago");
        assertThat(meters.counter("switchboard.campaigns.leads.rejected", "reason", "invalid_number")
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aNumberAlreadyInTheCampaignIsMergedNotDuplicated() {
        fixture.importLeads(imports, campaign.id(), "+1 212 736 5000,Ada,\n");

        LeadImport again = imports.importCsv(
                campaign.id(),
                "again.csv",
                new StringReader("number,name,vip\n+12127365000,Ada L.,yes\n+1 212 736 5003,Linus,\n"),
                LeadImportOptions.of(LeadColumns.of("number", "name")),
                fixture.managerView());

        assertThat(again.imported()).isEqualTo(1);
        assertThat(again.merged()).isEqualTo(1);
        assertThat(Database.count(jdbc, "leads")).isEqualTo(2);
        assertThat(lead("+12127365000").get("name")).isEqualTo("Ada");
        assertThat((String) lead("+12127365000").get("data")).isEqualTo("{\"vip\":\"yes\"}");
    }

    @Test
    void leadsLinkToTheContactOwningTheirNumber() {
        ContactId ada = contacts.create(new NewContact(
                        "Ada Lovelace",
                        null,
                        null,
                        null,
                        null,
                        Visibility.COMPANY,
                        Set.of(),
                        null,
                        List.of(new NewPhone(PhoneType.WORK, "+49 30 1234567"))))
                .id();

        fixture.importLeads(imports, campaign.id(), "030 1234567,Ada,\n+1 212 736 5000,Nobody,\n");

        assertThat(lead("+49301234567").get("contact_id")).isEqualTo(ada.value());
        assertThat(lead("+12127365000").get("contact_id")).isNull();
    }

    @Test
    void aBackgroundImportShowsItsProgressAndEnds() throws Exception {
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("+1 212 7")
                    .append(36 + i / 10000)
                    .append(' ')
                    .append(String.format("%04d", i % 10000))
                    .append(",Lead ")
                    .append(i)
                    .append('\n');
        }
        Path file = Files.createTempFile("leads", ".csv");
        Files.writeString(file, csv);

        LeadImport started = imports.startImport(
                campaign.id(),
                file,
                new LeadImportOptions(LeadColumns.of("number", "name"), ',', true, null),
                fixture.managerView());

        assertThat(started.finished()).isFalse();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> imports.find(started.id(), fixture.managerView())
                        .orElseThrow()
                        .finished());
        LeadImport done = imports.find(started.id(), fixture.managerView()).orElseThrow();
        assertThat(done.status()).isEqualTo(LeadImportStatus.DONE);
        assertThat(done.rowsRead()).isEqualTo(5000);
        assertThat(done.imported() + done.merged() + done.rejected()).isEqualTo(5000);
        assertThat(imports.rejections(done.id(), 0, 3, fixture.managerView())).isEmpty();
        assertThat(done.imported()).isEqualTo(5000);
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void aMissingColumnFailsTheImportAndOnlyManagersImport() {
        assertThatThrownBy(() -> imports.importCsv(
                        campaign.id(),
                        "x.csv",
                        new StringReader("phone\n+12127365000\n"),
                        LeadImportOptions.of(LeadColumns.of("number", null)),
                        fixture.managerView()))
                .isInstanceOf(InvalidCampaignException.class)
                .hasMessageContaining("number column 'number' is not in the header");
        assertThatThrownBy(() -> imports.importCsv(
                        campaign.id(),
                        "x.csv",
                        new StringReader("number\n+12127365000\n"),
                        LeadImportOptions.of(LeadColumns.of("number", null)),
                        fixture.anna.viewer()))
                .isInstanceOf(CampaignAccessDeniedException.class);
    }

    @Test
    void anUnclosedQuoteCostsItsLineAndEveryOtherRowIsImported() {
        // the reproduction: 5,000 good rows, one unclosed quote, 5,000 more
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 0; i < 10_000; i++) {
            if (i == 5000) {
                csv.append("\"+1 212 555 9999,Unterminated\n");
            }
            csv.append("+1 212 7").append(36 + i / 10000).append(String.format(" %04d", i % 10000));
            csv.append(",Lead ").append(i).append('\n');
        }

        LeadImport report = imports.importCsv(
                campaign.id(),
                "broken.csv",
                new StringReader(csv.toString()),
                LeadImportOptions.of(LeadColumns.of("number", "name")),
                fixture.managerView());

        assertThat(report.status()).isEqualTo(LeadImportStatus.DONE);
        assertThat(report.imported()).isEqualTo(10_000);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(imports.rejections(report.id(), 0, 10, fixture.managerView()))
                .singleElement()
                .satisfies(rejected -> {
                    assertThat(rejected.row()).isEqualTo(5002);
                    assertThat(rejected.cells()).containsExactly("\"+1 212 555 9999,Unterminated");
                    assertThat(rejected.reason()).contains("quote opened on line 5002 is not closed");
                });
        assertThat(Database.count(jdbc, "leads")).isEqualTo(10_000);
    }

    @Test
    void excelsEncodingsImportAndTheImportSaysWhichItRead() throws Exception {
        String rows = "number;name\n+1 212 736 5000;Jürgen Weiß\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf16Mark = {(byte) 0xFF, (byte) 0xFE};

        LeadImport utf8 = importFile(concat(bom, rows.getBytes(StandardCharsets.UTF_8)));
        LeadImport windows = importFile(rows.replace("5000", "5001").getBytes(Charset.forName("windows-1252")));
        LeadImport utf16 = importFile(concat(
                utf16Mark, rows.replace("5000", "5002").replace(';', '\t').getBytes(StandardCharsets.UTF_16LE)));

        assertThat(List.of(utf8, windows, utf16)).allSatisfy(done -> {
            assertThat(done.status()).isEqualTo(LeadImportStatus.DONE);
            assertThat(done.imported()).isEqualTo(1);
        });
        assertThat(utf8.encoding()).isEqualTo("UTF-8 (byte-order mark)");
        assertThat(windows.encoding()).isEqualTo("windows-1252 (detected)");
        assertThat(utf16.encoding()).isEqualTo("UTF-16LE (byte-order mark)");
        assertThat(jdbc.queryForList("select name from leads order by e164", String.class))
                .containsExactly("Jürgen Weiß", "Jürgen Weiß", "Jürgen Weiß");
    }

    @Test
    void aBinaryFileFailsTheImportWithAClearReasonAndStoresNothing() throws Exception {
        LeadImport done = importFile(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, '\n'});

        assertThat(done.status()).isEqualTo(LeadImportStatus.FAILED);
        assertThat(done.error()).contains("not text");
        assertThat(Database.count(jdbc, "leads")).isZero();
    }

    private LeadImport importFile(byte[] content) throws Exception {
        Path file = Files.createTempFile("leads", ".csv");
        Files.write(file, content);
        LeadImport started = imports.startImport(
                campaign.id(),
                file,
                new LeadImportOptions(LeadColumns.of("number", "name"), null, true, null),
                fixture.managerView());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> imports.find(started.id(), fixture.managerView())
                        .orElseThrow()
                        .finished());
        assertThat(Files.exists(file)).isFalse();
        return imports.find(started.id(), fixture.managerView()).orElseThrow();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private Map<String, Object> lead(String e164) {
        return jdbc.queryForMap("select * from leads where e164 = ?", e164);
    }
}
