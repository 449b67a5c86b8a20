package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.campaign.CallWindow;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.CampaignSettings;
import io.switchboard.campaign.Campaigns;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Contact and list uploads over HTTP as spreadsheets write them: broken quotes, byte-order marks, windows-1252,
 * UTF-16 and files that are not text; and no copy of a list left behind, whatever became of the upload.
 */
class ImportUploadsTest extends ApplicationOnPostgres {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final byte[] UTF8_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final byte[] UTF16LE_MARK = {(byte) 0xFF, (byte) 0xFE};
    static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 'n', 'a', 'm', 'e', '\n'};

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Campaigns campaigns;

    private final AtomicInteger campaignNumber = new AtomicInteger();

    @Test
    void aContactFileWithAnUnclosedQuoteKeepsEveryGoodRowAndReportsTheBrokenLine() {
        // the reproduction: 5,000 good rows, one unclosed quote, 5,000 more
        StringBuilder csv = new StringBuilder("name,phone\n");
        for (int i = 0; i < 10_000; i++) {
            if (i == 5000) {
                csv.append("\"Q-broken,+4930559999999\n");
            }
            csv.append("Q").append(i).append(",+4930558").append(10_000 + i).append('\n');
        }

        HttpResponse<String> response =
                importContacts("broken.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = Api.json(response);
        assertThat(report.path("inserted").asLong() + report.path("updated").asLong())
                .isEqualTo(10_000);
        assertThat(report.path("rejected").asLong()).isEqualTo(1);
        assertThat(report.path("rejections").get(0).path("row").asLong()).isEqualTo(5002);
        assertThat(report.path("rejections").get(0).path("reason").asText()).contains("quote");
        assertThat(jdbc.queryForObject("select count(*) from contacts where name ~ '^Q[0-9]+$'", Long.class))
                .isEqualTo(10_000);
    }

    @Test
    void contactFilesInExcelsEncodingsStoreTheirNamesCorrectlyAndSayWhichEncodingTheyWere() {
        JsonNode utf8 = imported(importContacts(
                "utf8.csv",
                concat(UTF8_MARK, "name,phone\nJürgen BOM,+493055870001\n".getBytes(StandardCharsets.UTF_8))));
        JsonNode windows =
                imported(importContacts("ansi.csv", "name;phone\nJürgen ANSI;+493055870002\n".getBytes(WINDOWS_1252)));
        JsonNode utf16 = imported(importContacts(
                "unicode.txt",
                concat(
                        UTF16LE_MARK,
                        "name\tphone\r\nJürgen UTF16\t+493055870003\r\n".getBytes(StandardCharsets.UTF_16LE))));

        assertThat(utf8.path("encoding").asText()).isEqualTo("UTF-8 (byte-order mark)");
        assertThat(windows.path("encoding").asText()).isEqualTo("windows-1252 (detected)");
        assertThat(windows.path("delimiter").asText()).isEqualTo(";");
        assertThat(utf16.path("encoding").asText()).isEqualTo("UTF-16LE (byte-order mark)");
        assertThat(jdbc.queryForList(
                        "select name from contacts where name like 'J%rgen %' order by name", String.class))
                .containsExactly("Jürgen ANSI", "Jürgen BOM", "Jürgen UTF16");
    }

    @Test
    void binaryContactFilesAndUnknownCharsetsAreClearProblems() {
        HttpResponse<String> binary = importContacts("contacts.zip", ZIP);
        HttpResponse<String> charset = api.upload(
                "/api/v1/contacts/import?charset=klingon",
                TestUser.SUPERVISOR.username,
                TestUser.PASSWORD,
                "c.csv",
                "name\nA\n");

        assertThat(binary.statusCode()).as(binary.body()).isEqualTo(415);
        assertThat(Api.json(binary).path("detail").asText()).contains("not text");
        assertThat(charset.statusCode()).as(charset.body()).isEqualTo(400);
        assertThat(Api.json(charset).path("errors").get(0).path("field").asText())
                .isEqualTo("charset");
    }

    @Test
    void listsWithAnUnclosedQuoteOrInExcelsEncodingsImportEveryGoodRow() {
        long campaign = campaign();
        StringBuilder broken = new StringBuilder("number,name\n");
        for (int i = 0; i < 200; i++) {
            if (i == 100) {
                broken.append("\"+1 212 555 9999,Unterminated\n");
            }
            broken.append("+1 212 736 ")
                    .append(String.format("%04d", i))
                    .append(",Lead ")
                    .append(i)
                    .append('\n');
        }

        JsonNode withQuote = finished(
                campaign, uploadList(campaign, "broken.csv", broken.toString().getBytes()));
        JsonNode utf8 = finished(
                campaign,
                uploadList(
                        campaign,
                        "utf8.csv",
                        concat(
                                UTF8_MARK,
                                "number,name\n+1 212 736 5001,Jürgen BOM\n".getBytes(StandardCharsets.UTF_8))));
        JsonNode windows = finished(
                campaign,
                uploadList(campaign, "ansi.csv", "number;name\n+1 212 736 5002;Jürgen ANSI\n".getBytes(WINDOWS_1252)));
        JsonNode utf16 = finished(
                campaign,
                uploadList(
                        campaign,
                        "unicode.txt",
                        concat(
                                UTF16LE_MARK,
                                "number\tname\r\n+1 212 736 5003\tJürgen UTF16\r\n"
                                        .getBytes(StandardCharsets.UTF_16LE))));

        assertThat(withQuote.path("state").asText()).isEqualTo("DONE");
        assertThat(withQuote.path("imported").asLong()).isEqualTo(200);
        assertThat(withQuote.path("rejectedRows").get(0).path("row").asLong()).isEqualTo(102);
        assertThat(List.of(utf8, windows, utf16)).allSatisfy(report -> {
            assertThat(report.path("state").asText()).isEqualTo("DONE");
            assertThat(report.path("imported").asLong()).isEqualTo(1);
        });
        assertThat(utf8.path("encoding").asText()).isEqualTo("UTF-8 (byte-order mark)");
        assertThat(windows.path("encoding").asText()).isEqualTo("windows-1252 (detected)");
        assertThat(utf16.path("encoding").asText()).isEqualTo("UTF-16LE (byte-order mark)");
        assertThat(jdbc.queryForList(
                        "select name from leads where campaign_id = ? and name like 'J%' order by e164",
                        String.class, campaign))
                .containsExactly("Jürgen BOM", "Jürgen ANSI", "Jürgen UTF16");
    }

    @Test
    void aRejectedRowComesBackInItsOwnCellsWhateverTheDelimiterAndQuotedCommas() {
        long campaign = campaign();
        JsonNode semicolons = finished(
                campaign,
                uploadList(
                        campaign,
                        "semicolons.csv",
                        "number;name\n+1 212 736 7001;Ann\n12345;Bad, Number\n".getBytes()));
        JsonNode quoted = finished(
                campaign,
                uploadList(
                        campaign, "quoted.csv", "number,name\n+1 212 736 7002,Bob\n12345,\"Doe, Jane\"\n".getBytes()));

        String rejections = "/api/v1/campaigns/" + campaign + "/imports/%d/rejections";
        JsonNode semicolonRows = Api.json(call(
                "GET", rejections.formatted(semicolons.path("importId").asLong()), TestUser.CAMPAIGN_MANAGER, null));
        JsonNode quotedRows = Api.json(
                call("GET", rejections.formatted(quoted.path("importId").asLong()), TestUser.CAMPAIGN_MANAGER, null));

        assertThat(semicolons.path("imported").asLong()).isEqualTo(1);
        assertThat(cells(semicolonRows.get(0))).containsExactly("12345", "Bad, Number");
        assertThat(cells(semicolons.path("rejectedRows").get(0))).containsExactly("12345", "Bad, Number");
        assertThat(cells(quotedRows.get(0))).containsExactly("12345", "Doe, Jane");
        assertThat(quotedRows.get(0).path("row").asLong()).isEqualTo(3);
    }

    private static List<String> cells(JsonNode rejectedRow) {
        return rejectedRow.path("values").valueStream().map(JsonNode::asText).toList();
    }

    @Test
    void noCopyOfAListIsLeftWhetherTheUploadWasRefusedFailedOrImported() throws IOException {
        long campaign = campaign();
        byte[] list = "number,name\n+1 212 736 6001,Ann\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> supervisor = upload(campaign, TestUser.SUPERVISOR, list);
        HttpResponse<String> noNumberColumn = uploadList(campaign, "x.csv", "phone\n+1 212 736 6001\n".getBytes());
        HttpResponse<String> binary = uploadList(campaign, "x.zip", ZIP);
        HttpResponse<String> unknownCampaign = upload(-1, TestUser.CAMPAIGN_MANAGER, list);
        JsonNode failed = finished(campaign, noNumberColumn);
        HttpResponse<String> imported = uploadList(campaign, "ok.csv", list);
        finished(campaign, imported);
        long finishedCampaign = campaign();
        campaigns.finish(
                new CampaignId(finishedCampaign),
                user(TestUser.CAMPAIGN_MANAGER).viewer());
        HttpResponse<String> toFinished = uploadList(finishedCampaign, "late.csv", list);

        assertThat(supervisor.statusCode()).isEqualTo(403);
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).contains("number column 'number' is not in the header");
        assertThat(binary.statusCode()).as(binary.body()).isEqualTo(415);
        assertThat(unknownCampaign.statusCode()).isEqualTo(404);
        assertThat(imported.statusCode()).isEqualTo(202);
        assertThat(toFinished.statusCode()).as(toFinished.body()).isEqualTo(409);
        try (Stream<Path> left = Files.list(UPLOADS)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aRefusedListUploadIsRefusedBeforeItsBodyIsRead() {
        // A body over the upload limit is refused with 413 once it is read; the 403 says it never was.
        byte[] tooLarge = new byte[MAX_UPLOAD_BYTES + 1024];
        java.util.Arrays.fill(tooLarge, (byte) 'x');

        HttpResponse<String> supervisor = upload(campaign(), TestUser.SUPERVISOR, tooLarge);

        assertThat(supervisor.statusCode()).as(supervisor.body()).isEqualTo(403);
    }

    private HttpResponse<String> importContacts(String fileName, byte[] content) {
        return api.upload(
                "/api/v1/contacts/import?visibility=COMPANY",
                TestUser.SUPERVISOR.username,
                TestUser.PASSWORD,
                fileName,
                content);
    }

    private static JsonNode imported(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = Api.json(response);
        assertThat(report.path("inserted").asLong()).as(response.body()).isEqualTo(1);
        return report;
    }

    private HttpResponse<String> uploadList(long campaign, String fileName, byte[] content) {
        return api.upload(
                "/api/v1/campaigns/" + campaign + "/leads",
                TestUser.CAMPAIGN_MANAGER.username,
                TestUser.PASSWORD,
                fileName,
                content);
    }

    private HttpResponse<String> upload(long campaign, TestUser user, byte[] content) {
        return api.upload(
                "/api/v1/campaigns/" + campaign + "/leads", user.username, TestUser.PASSWORD, "list.csv", content);
    }

    /** The import's report once it has finished. */
    private JsonNode finished(long campaign, HttpResponse<String> started) {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String path = "/api/v1/campaigns/" + campaign + "/imports/"
                + Api.json(started).path("importId").asLong();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !Api.json(call("GET", path, TestUser.CAMPAIGN_MANAGER, null))
                        .path("state")
                        .asText()
                        .equals("RUNNING"));
        return Api.json(call("GET", path, TestUser.CAMPAIGN_MANAGER, null));
    }

    private long campaign() {
        Campaign campaign = campaigns.create(
                CampaignSettings.defaults("Uploads " + campaignNumber.incrementAndGet(), "uploads")
                        .withCallWindow(new CallWindow(List.of("MON-SUN 00:00-24:00"), List.of())),
                user(TestUser.CAMPAIGN_MANAGER).viewer());
        return campaign.id().value();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
