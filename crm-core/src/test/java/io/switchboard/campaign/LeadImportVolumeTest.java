package io.switchboard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.campaign.list.LeadColumns;
import io.switchboard.campaign.list.LeadImport;
import io.switchboard.campaign.list.LeadImportOptions;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.directory.Directory;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 100,000-row list (-Dcampaign.bench.rows=N for another size) on the embedded PostgreSQL, with a duplicate every
 * 50 rows and an invalid number every 100, and its rate printed. The issue asks for "seconds"; the bound here is
 * loose so a slow CI machine does not fail it.
 */
@PostgresTest
class LeadImportVolumeTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    LeadImports imports;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHundredThousandRowListImportsInSeconds() {
        Database.clear(jdbc);
        CampaignFixture fixture = new CampaignFixture(directory);
        Campaign campaign = campaigns.create(CampaignSettings.defaults("Volume", "sales"), fixture.managerView());
        int rows = Integer.getInteger("campaign.bench.rows", 100_000);
        StringBuilder csv = new StringBuilder(rows * 60).append("number,first,last,plan,region\n");
        for (int i = 0; i < rows; i++) {
            int n = i % 50 == 49 ? i - 1 : i; // a duplicate of the row before
            String number =
                    i % 100 == 99 ? "12345" : "+1 212 " + (200 + n / 10_000) + " " + String.format("%04d", n % 10_000);
            csv.append(number)
                    .append(",First")
                    .append(i)
                    .append(",Last")
                    .append(i)
                    .append(",gold,r")
                    .append(i % 7)
                    .append('\n');
        }

        long started = System.nanoTime();
        LeadImport report = imports.importCsv(
                campaign.id(),
                "volume.csv",
                new StringReader(csv.toString()),
                LeadImportOptions.of(new LeadColumns("number", null, "first", "last", null, null)),
                fixture.managerView());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        double perSecond = rows / (elapsed.toNanos() / 1e9);
        System.out.printf(
                "lead import: %d rows in %d ms (%.0f rows/s): %d imported, %d merged, %d rejected%n",
                rows, elapsed.toMillis(), perSecond, report.imported(), report.merged(), report.rejected());
        assertThat(report.rowsRead()).isEqualTo(rows);
        assertThat(report.imported() + report.merged() + report.rejected()).isEqualTo(rows);
        assertThat(report.rejected()).isEqualTo(rows / 100);
        assertThat(Database.count(jdbc, "leads")).isEqualTo(report.imported());
        // a guard against a quadratic import, not a speed target (speed figures come from benchmarks): on an idle
        // machine this takes seconds, and a loaded two-core machine once took 69 s
        assertThat(elapsed).isLessThan(Duration.ofMinutes(3));
    }
}
