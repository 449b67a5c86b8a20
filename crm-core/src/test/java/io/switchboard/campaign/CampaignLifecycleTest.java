package io.switchboard.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.campaign.list.LeadImports;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.directory.Directory;
import io.switchboard.lease.Lease;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import io.switchboard.testing.TestClock;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Campaign lifecycle and who may change it, the dialer lease, progress figures and the results export. */
@PostgresTest
class CampaignLifecycleTest {

    static final Instant NOON = Instant.parse("2026-06-08T14:00:00Z");

    @Autowired
    Campaigns campaigns;

    @Autowired
    LeadQueue queue;

    @Autowired
    LeadImports imports;

    @Autowired
    CampaignReports reports;

    @Autowired
    Lease lease;

    @Autowired
    Directory directory;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    CampaignFixture fixture;

    @BeforeEach
    void users() {
        Database.clear(jdbc);
        clock.set(NOON);
        fixture = new CampaignFixture(directory);
    }

    @Test
    void aRunningCampaignWhoseStoredSettingsTurnInvalidIsListedFlaggedAndNotDialled() {
        Campaign fine = campaigns.create(CampaignSettings.defaults("Fine", "sales"), fixture.managerView());
        Campaign broken = campaigns.create(CampaignSettings.defaults("Broken", "sales"), fixture.managerView());
        campaigns.start(fine.id(), fixture.managerView());
        campaigns.start(broken.id(), fixture.managerView());
        // as an older version, or a hand edit, could leave them
        jdbc.update(
                "update campaigns set max_attempts = 0, abandon_cap = 2, weekly_hours = '[\"every day\"]'"
                        + " where id = ?",
                broken.id().value());

        List<Campaign> listed = campaigns.list(fixture.managerView());

        assertThat(listed).extracting(Campaign::name).containsExactly("Fine", "Broken");
        Campaign flagged = listed.get(1);
        assertThat(flagged.invalidSettings())
                .extracting(InvalidSetting::field)
                .containsExactlyInAnyOrder("maxAttempts", "abandonCap", "callWindow");
        assertThat(flagged.settings().maxAttempts())
                .as("shown with its default")
                .isEqualTo(5);
        assertThat(flagged.running()).isFalse();
        assertThat(campaigns.running()).extracting(Campaign::id).containsExactly(fine.id());
    }

    @Test
    void aCampaignGoesFromDraftThroughRunningAndPausedToFinished() {
        Campaign draft = campaigns.create(CampaignSettings.defaults("Autumn", "sales"), fixture.managerView());
        assertThat(draft.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(draft.settings().retryDelay(AttemptOutcome.NO_ANSWER)).isEqualTo(Duration.ofHours(2));
        assertThat(draft.settings().abandonCap()).isEqualTo(0.03);

        assertThat(campaigns.start(draft.id(), fixture.managerView()).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(campaigns.pause(draft.id(), fixture.managerView()).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThatThrownBy(() -> campaigns.pause(draft.id(), fixture.managerView()))
                .isInstanceOf(CampaignStateException.class);
        assertThat(campaigns.start(draft.id(), fixture.managerView()).running()).isTrue();
        Campaign finished = campaigns.finish(draft.id(), fixture.managerView());

        assertThat(finished.status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(finished.startedAt()).isEqualTo(NOON);
        assertThat(finished.finishedAt()).isEqualTo(NOON);
        assertThatThrownBy(() -> campaigns.start(draft.id(), fixture.managerView()))
                .isInstanceOf(CampaignStateException.class);
        assertThatThrownBy(() -> campaigns.update(draft.id(), finished.settings(), fixture.managerView()))
                .isInstanceOf(CampaignStateException.class);
    }

    @Test
    void onlyCampaignManagersAndAdminsRunCampaigns() {
        assertThatThrownBy(() -> campaigns.create(CampaignSettings.defaults("Nope", "sales"), fixture.anna.viewer()))
                .isInstanceOf(CampaignAccessDeniedException.class);
        Campaign campaign = campaigns.create(
                CampaignSettings.defaults("Mine", "sales").withAgents(java.util.Set.of(fixture.anna.id())),
                fixture.managerView());

        assertThatThrownBy(() -> campaigns.start(campaign.id(), fixture.supervisor.viewer()))
                .isInstanceOf(CampaignAccessDeniedException.class);
        assertThatThrownBy(() -> campaigns.finish(campaign.id(), fixture.anna.viewer()))
                .isInstanceOf(CampaignAccessDeniedException.class);
        assertThat(campaigns.list(fixture.anna.viewer()))
                .extracting(Campaign::id)
                .containsExactly(campaign.id());
        assertThat(campaigns.list(fixture.bob.viewer())).isEmpty();
        assertThatThrownBy(() -> campaigns.get(campaign.id(), fixture.bob.viewer()))
                .isInstanceOf(CampaignNotFoundException.class);
        assertThat(campaigns.list(fixture.supervisor.viewer())).hasSize(1);
    }

    @Test
    void settingsAreStoredAsGiven() {
        CampaignSettings settings = CampaignSettings.defaults("Full", "sales")
                .withDialMode(DialMode.PREDICTIVE)
                .withCallerId("+4930999")
                .withCallWindow(new CallWindow(List.of("MON-FRI 09:00-20:00", "SAT 10:00-14:00"), List.of("12-25")))
                .withRetryDelay(AttemptOutcome.BUSY, Duration.ofMinutes(3))
                .withLeadOrder(LeadOrder.FEWEST_ATTEMPTS)
                .withAbandonCap(0.02)
                .withMaxAttempts(7)
                .withDispositions(List.of(
                        CampaignDisposition.of("SALE", "Sale", DispositionAction.FINAL),
                        CampaignDisposition.retry("LATER", "Later", Duration.ofMinutes(45))));

        Campaign stored =
                campaigns.get(campaigns.create(settings, fixture.managerView()).id(), fixture.managerView());

        assertThat(stored.settings()).isEqualTo(settings);
        assertThatThrownBy(() -> campaigns.create(settings, fixture.managerView()))
                .isInstanceOf(InvalidCampaignException.class)
                .hasMessageContaining("already a campaign named Full");
    }

    @Test
    void anotherHolderTakesTheLeaseOnlyAfterItExpired() {
        assertThat(lease.tryAcquire("node-a", Duration.ofSeconds(30))).isTrue();
        assertThat(lease.tryAcquire("node-b", Duration.ofSeconds(30))).isFalse();

        clock.advance(Duration.ofSeconds(20));
        assertThat(lease.renew("node-a", Duration.ofSeconds(30))).isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(lease.tryAcquire("node-b", Duration.ofSeconds(30))).isFalse();

        clock.advance(Duration.ofSeconds(11));
        assertThat(lease.tryAcquire("node-b", Duration.ofSeconds(30))).isTrue();
        assertThat(lease.renew("node-a", Duration.ofSeconds(30))).isFalse();
        assertThat(lease.isHeldBy("node-b")).isTrue();

        lease.release("node-b");
        assertThat(lease.tryAcquire("node-a", Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void progressCountsLeadsAndTodaysAttemptsAndExportListsEveryLead() {
        Campaign campaign = fixture.running(campaigns, CampaignSettings.defaults("Figures", "sales"));
        fixture.importLeads(
                imports, campaign.id(), "+1 212 736 5000,Ada,\n+1 212 736 5001,Bea,\n+1 212 736 5002,Cy,\n");
        List<DialableLead> claimed = queue.claim(campaign.id(), 2, NOON);
        queue.attemptEnded(claimed.get(0).attemptId(), AttemptOutcome.HUMAN_ANSWERED, "c1", "1001", NOON);
        queue.attemptEnded(claimed.get(1).attemptId(), AttemptOutcome.ABANDONED, "c2", null, NOON);
        queue.dispose(claimed.get(0).attemptId(), "SALE", Optional.empty(), false, fixture.anna.viewer());

        CampaignProgress progress = reports.progress(campaign.id(), NOON.plusSeconds(60));

        assertThat(progress.leads()).isEqualTo(3);
        assertThat(progress.done()).isEqualTo(1);
        assertThat(progress.dialableNow()).isEqualTo(1);
        assertThat(progress.inProgress()).isZero();
        assertThat(progress.answeredToday()).isEqualTo(2);
        assertThat(progress.abandonedToday()).isEqualTo(1);
        assertThat(progress.abandonRateToday()).isEqualTo(0.5);
        assertThat(progress.attemptsToday()).containsEntry(AttemptOutcome.ABANDONED, 1L);
        assertThat(reports.progress(campaign.id(), NOON.plus(Duration.ofDays(1)))
                        .answeredToday())
                .isZero();

        List<CSVRecord> rows = export(campaign);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).values())
                .startsWith("lead_id", "number", "name", "timezone", "status", "attempts", "last_outcome");
        assertThat(rows)
                .anySatisfy(row -> assertThat(row.values())
                        .contains("'" + claimed.get(0).number())
                        .containsSequence("DONE", "1", "HUMAN_ANSWERED", "SALE", "anna"));
        assertThatThrownBy(() -> reports.exportResults(campaign.id(), new StringWriter(), fixture.anna.viewer()))
                .isInstanceOf(CampaignAccessDeniedException.class);
    }

    @Test
    void exportedCellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() throws IOException {
        Campaign campaign = fixture.running(campaigns, CampaignSettings.defaults("Formulas", "sales"));
        fixture.importLeads(
                imports,
                campaign.id(),
                "+1 212 736 5000,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",\n"
                        + "+1 212 736 5001,@SUM(1+1)*cmd|' /C calc'!A0,\n"
                        + "+1 212 736 5002,-2+3,\n"
                        + "+1 212 736 5003,\"\tTabbed\",\n"
                        + "+1 212 736 5004,Plain Name,\n");

        List<CSVRecord> rows = export(campaign);

        assertThat(rows.subList(1, rows.size()))
                .extracting(row -> row.get(2))
                .containsExactly(
                        "'=HYPERLINK(\"http://evil.example\",\"Click\")",
                        "'@SUM(1+1)*cmd|' /C calc'!A0",
                        "'-2+3",
                        // the import trims cells, so the tab is gone before it could be exported
                        "Tabbed",
                        "Plain Name");
        // E.164 numbers start with '+': they get the quote too, which spreadsheets show as the text +1212...
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(1)).allMatch(n -> n.startsWith("'+1212"));
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.values())
                        .noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0));
    }

    private List<CSVRecord> export(Campaign campaign) {
        StringWriter csv = new StringWriter();
        reports.exportResults(campaign.id(), csv, fixture.managerView());
        try (CSVParser parser = CSVParser.parse(csv.toString(), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
