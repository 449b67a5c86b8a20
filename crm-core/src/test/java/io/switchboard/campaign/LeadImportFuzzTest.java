package io.switchboard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.campaign.list.LeadColumns;
import io.switchboard.campaign.list.LeadImport;
import io.switchboard.campaign.list.LeadImportOptions;
import io.switchboard.campaign.list.LeadImportStatus;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.csv.FuzzRows;
import io.switchboard.directory.Directory;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import io.switchboard.testing.TestClock;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fuzzes the campaign list import's public entry point on a real PostgreSQL: lists of good leads interleaved with rows
 * it must refuse (numbers that are no numbers, no number, unknown time zones, broken quotes). Every good lead is
 * stored and every bad row counted as rejected. jqwik generates the lists; the property runs as a plain Spring test
 * because the database comes from the Spring context ({@code fuzz.tries} / 10 lists, at least 10).
 */
@PostgresTest
class LeadImportFuzzTest {

    private static final LeadColumns COLUMNS = new LeadColumns("phone", null, "first", "last", "zone", null);

    @Autowired
    Campaigns campaigns;

    @Autowired
    LeadImports imports;

    @Autowired
    Directory directory;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyGoodLeadAroundBadRowsIsStoredAndEveryBadOneRejected() {
        int lists = Math.max(10, Integer.getInteger("fuzz.tries", 250) / 10);
        List<List<Row>> samples = lists().sampleStream().limit(lists).toList();
        for (List<Row> rows : samples) {
            Database.clear(jdbc);
            clock.set(Instant.parse("2026-06-08T12:00:00Z"));
            CampaignFixture fixture = new CampaignFixture(directory);
            Campaign campaign =
                    campaigns.create(CampaignSettings.defaults("Fuzzed list", "sales"), fixture.managerView());
            StringBuilder csv = new StringBuilder("phone,first,last,zone,plan\n");
            List<String> goodNumbers = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                // every good lead has its own Berlin number, so none is merged into another
                String e164 = "+4930" + (5_000_000 + i);
                csv.append(rows.get(i).line().replace("NUMBER", e164)).append('\n');
                if (rows.get(i).good()) {
                    goodNumbers.add(e164);
                }
            }

            LeadImport report = imports.importCsv(
                    campaign.id(),
                    "fuzz.csv",
                    new StringReader(csv.toString()),
                    LeadImportOptions.of(COLUMNS),
                    fixture.managerView());

            assertThat(report.status()).as("status of %s", csv).isEqualTo(LeadImportStatus.DONE);
            assertThat(report.imported()).as("imported from %s", csv).isEqualTo(goodNumbers.size());
            assertThat(report.rejected())
                    .as("rejected from %s", csv)
                    .isEqualTo(rows.stream().filter(row -> !row.good()).count());
            assertThat(jdbc.queryForList(
                            "select e164 from leads where campaign_id = ?",
                            String.class,
                            campaign.id().value()))
                    .as("stored from %s", csv)
                    .containsExactlyInAnyOrderElementsOf(goodNumbers);
        }
    }

    private static Arbitrary<List<Row>> lists() {
        Arbitrary<String> text = Arbitraries.strings()
                .withChars("abcXYZ éüß-.")
                .ofMaxLength(15)
                .map(String::strip)
                .filter(value -> !value.startsWith("'"));
        Arbitrary<Row> good = Combinators.combine(
                        text,
                        text,
                        Arbitraries.of("", "Europe/Berlin", "America/Chicago"),
                        Arbitraries.of("", "gold", "\"silver, with a comma\""))
                .as((first, last, zone, plan) ->
                        new Row("NUMBER," + first + "," + last + "," + zone + "," + plan, true));
        Arbitrary<Row> bad = text.flatMap(name -> Arbitraries.of(
                new Row("12345," + name + ",,,", false),
                new Row(",No number " + name + ",,,", false),
                new Row("NUMBER," + name + ",,Mars/Base,", false),
                new Row("\"NUMBER\"x," + name + ",,,", false)));
        Arbitrary<Row> unclosedQuote = text.map(name -> new Row("\"NUMBER," + name + ",never closed", false));
        return FuzzRows.mixed(good, bad, unclosedQuote);
    }

    /** A row with {@code NUMBER} where its lead's number goes; {@code good} ones must be stored. */
    record Row(String line, boolean good) {}
}
