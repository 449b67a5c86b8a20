package io.switchboard.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.campaign.dnc.DncKind;
import io.switchboard.campaign.dnc.DoNotCall;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.directory.Directory;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import io.switchboard.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dialer's queue on PostgreSQL. Monday 8 June 2026: at 14:00 UTC it is 16:00 in Berlin and 10:00 in New York,
 * at 20:00 UTC 22:00 in Berlin (closed) and 16:00 in New York. The window is 09:00-21:00 every day.
 */
@PostgresTest
class LeadQueueTest {

    static final Instant BOTH_OPEN = Instant.parse("2026-06-08T14:00:00Z");
    static final Instant ONLY_NEW_YORK = Instant.parse("2026-06-08T20:00:00Z");
    static final Instant BOTH_CLOSED = Instant.parse("2026-06-08T06:00:00Z");
    static final String NEW_YORK = "+12127365000";
    static final String BERLIN = "+49301234567";

    @Autowired
    Campaigns campaigns;

    @Autowired
    LeadQueue queue;

    @Autowired
    LeadImports imports;

    @Autowired
    DoNotCall doNotCall;

    @Autowired
    OpenAttempts open;

    @Autowired
    Directory directory;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    CampaignFixture fixture;
    Campaign campaign;

    @BeforeEach
    void aRunningCampaignWithLeadsInNewYorkAndBerlin() {
        Database.clear(jdbc);
        clock.set(BOTH_OPEN);
        fixture = new CampaignFixture(directory);
        campaign = fixture.running(campaigns, CampaignSettings.defaults("Outbound", "sales"));
        fixture.importLeads(imports, campaign.id(), "+1 212 736 5000,Ada,\n030 1234567,Bert,\n");
    }

    @Test
    void theCallWindowIsAppliedInEachLeadsLocalTime() {
        assertThat(queue.claim(campaign.id(), 10, BOTH_CLOSED)).isEmpty();
        assertThat(queue.claim(campaign.id(), 10, ONLY_NEW_YORK))
                .extracting(DialableLead::number)
                .containsExactly(NEW_YORK);
        assertThat(queue.claim(campaign.id(), 10, BOTH_OPEN))
                .extracting(DialableLead::number)
                .containsExactly(BERLIN);
    }

    @Test
    void holidaysCloseTheWindow() {
        campaigns.update(
                campaign.id(),
                campaign.settings()
                        .withCallWindow(new CallWindow(List.of("MON-SUN 09:00-21:00"), List.of("2026-06-08"))),
                fixture.managerView());

        assertThat(queue.claim(campaign.id(), 10, BOTH_OPEN)).isEmpty();
        assertThat(queue.claim(campaign.id(), 10, BOTH_OPEN.plus(Duration.ofDays(1))))
                .hasSize(2);
    }

    @Test
    void aNumberPutOnDoNotCallAfterTheImportIsNeverClaimed() {
        doNotCall.add(null, DncKind.NUMBER, NEW_YORK, "complained", fixture.managerView());

        assertThat(queue.claim(campaign.id(), 10, BOTH_OPEN))
                .extracting(DialableLead::number)
                .containsExactly(BERLIN);
        assertThat(status(NEW_YORK)).isEqualTo("DNC");
        assertThat(queue.claim(campaign.id(), 10, BOTH_OPEN.plus(Duration.ofDays(3))))
                .isEmpty();
    }

    @Test
    void retriesBecomeDueAfterTheOutcomesDelay() {
        DialableLead first = claimOne(NEW_YORK, ONLY_NEW_YORK);
        queue.attemptEnded(first.attemptId(), AttemptOutcome.BUSY, "call-1", null, ONLY_NEW_YORK.plusSeconds(30));

        assertThat(queue.claim(campaign.id(), 10, ONLY_NEW_YORK.plus(Duration.ofMinutes(10))))
                .isEmpty();
        DialableLead second =
                claimOne(NEW_YORK, ONLY_NEW_YORK.plus(Duration.ofMinutes(10)).plusSeconds(30));
        Instant noAnswerAt = ONLY_NEW_YORK.plus(Duration.ofMinutes(11));
        queue.attemptEnded(second.attemptId(), AttemptOutcome.NO_ANSWER, "call-2", null, noAnswerAt);

        assertThat(queue.claim(
                        campaign.id(), 10, noAnswerAt.plus(Duration.ofHours(2)).minusSeconds(1)))
                .isEmpty();
        assertThat(queue.claim(campaign.id(), 10, noAnswerAt.plus(Duration.ofHours(2))))
                .extracting(DialableLead::number)
                .containsExactly(NEW_YORK);
        assertThat(jdbc.queryForObject("select attempts from leads where e164 = ?", Integer.class, NEW_YORK))
                .isEqualTo(3);
    }

    @Test
    void aLeadIsGivenUpAfterTheMaximumAttempts() {
        campaigns.update(campaign.id(), campaign.settings().withMaxAttempts(2), fixture.managerView());
        Instant at = ONLY_NEW_YORK;
        for (int attempt = 0; attempt < 2; attempt++) {
            DialableLead lead = claimOne(NEW_YORK, at);
            queue.attemptEnded(lead.attemptId(), AttemptOutcome.NO_ANSWER, null, null, at);
            at = at.plus(Duration.ofHours(2));
        }

        assertThat(status(NEW_YORK)).isEqualTo("EXHAUSTED");
        assertThat(queue.claim(campaign.id(), 10, at.plus(Duration.ofDays(1)).minus(Duration.ofHours(4))))
                .extracting(DialableLead::number)
                .doesNotContain(NEW_YORK);
    }

    @Test
    void twoClaimersNeverGetTheSameLead() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            rows.append("+49 30 1235")
                    .append(String.format("%04d", i))
                    .append(",Lead ")
                    .append(i)
                    .append(",\n");
        }
        fixture.importLeads(imports, campaign.id(), rows.toString());
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<List<LeadId>> claimer = () -> {
            List<LeadId> mine = new ArrayList<>();
            together.await();
            for (List<DialableLead> got = queue.claim(campaign.id(), 7, BOTH_OPEN);
                    !got.isEmpty();
                    got = queue.claim(campaign.id(), 7, BOTH_OPEN)) {
                got.forEach(lead -> mine.add(lead.leadId()));
            }
            return mine;
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<LeadId>> one = threads.submit(claimer);
            Future<List<LeadId>> two = threads.submit(claimer);
            List<LeadId> all = new ArrayList<>(one.get());
            all.addAll(two.get());

            assertThat(all).hasSize(302).doesNotHaveDuplicates();
            assertThat(one.get()).isNotEmpty();
            assertThat(two.get()).isNotEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFinalDispositionEndsTheLead() {
        DialableLead lead = claimOne(NEW_YORK, ONLY_NEW_YORK);
        queue.attemptEnded(lead.attemptId(), AttemptOutcome.HUMAN_ANSWERED, "call-1", "1001", ONLY_NEW_YORK);
        assertThat(status(NEW_YORK)).isEqualTo("CONNECTED");

        queue.dispose(lead.attemptId(), "sale", Optional.empty(), false, fixture.anna.viewer());

        assertThat(status(NEW_YORK)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject(
                        "select disposition from lead_attempts where id = ?",
                        String.class,
                        lead.attemptId().value()))
                .isEqualTo("SALE");
        assertThatThrownBy(
                        () -> queue.dispose(lead.attemptId(), "SALE", Optional.empty(), false, fixture.anna.viewer()))
                .isInstanceOf(CampaignStateException.class);
        assertThatThrownBy(
                        () -> queue.dispose(lead.attemptId(), "NOPE", Optional.empty(), false, fixture.anna.viewer()))
                .isInstanceOf(InvalidCampaignException.class);
    }

    @Test
    void anAnsweredCallNobodyDisposesIsClosedAfterTheTimeout() {
        List<DialableLead> both = queue.claim(campaign.id(), 10, BOTH_OPEN);
        assertThat(both).hasSize(2);
        DialableLead forgotten = both.get(0);
        DialableLead disposed = both.get(1);
        queue.attemptEnded(forgotten.attemptId(), AttemptOutcome.HUMAN_ANSWERED, "call-1", "1001", BOTH_OPEN);
        queue.attemptEnded(disposed.attemptId(), AttemptOutcome.HUMAN_ANSWERED, "call-2", "1002", BOTH_OPEN);
        queue.dispose(
                disposed.attemptId(),
                "CALLBACK",
                Optional.of(BOTH_OPEN.plus(Duration.ofDays(1))),
                false,
                fixture.bob.viewer());

        clock.set(BOTH_OPEN.plus(Duration.ofMinutes(9)));
        assertThat(queue.closeUndisposed(Duration.ofMinutes(10))).as("not yet").isZero();
        assertThat(status(forgotten.number())).isEqualTo("CONNECTED");

        clock.set(BOTH_OPEN.plus(Duration.ofMinutes(11)));
        assertThat(queue.closeUndisposed(Duration.ofMinutes(10))).isEqualTo(1);
        assertThat(status(forgotten.number())).isEqualTo("DONE");
        assertThat(status(disposed.number()))
                .as("the agent's disposition stands")
                .isEqualTo("CALLBACK");
        assertThat(jdbc.queryForObject(
                        "select disposition from lead_attempts where id = ?",
                        String.class,
                        forgotten.attemptId().value()))
                .isEqualTo(LeadQueue.NO_DISPOSITION);
        assertThat(queue.closeUndisposed(Duration.ofMinutes(10))).as("once").isZero();
    }

    @Test
    void aCallbackForAnyoneIsDueAtItsTimeAndComesFirst() {
        DialableLead lead = claimOne(NEW_YORK, ONLY_NEW_YORK);
        queue.attemptEnded(lead.attemptId(), AttemptOutcome.HUMAN_ANSWERED, "call-1", "1001", ONLY_NEW_YORK);
        Instant tomorrow = BOTH_OPEN.plus(Duration.ofDays(1));
        queue.dispose(lead.attemptId(), "CALLBACK", Optional.of(tomorrow), false, fixture.anna.viewer());

        assertThat(queue.claim(campaign.id(), 10, tomorrow.minusSeconds(60)))
                .extracting(DialableLead::number)
                .containsExactly(BERLIN);
        queue.releaseStale(Duration.ZERO); // Berlin back into the pool, due now
        List<DialableLead> due = queue.claim(campaign.id(), 1, tomorrow);
        assertThat(due).extracting(DialableLead::number).containsExactly(NEW_YORK);
        assertThat(due.get(0).callback()).isTrue();
    }

    @Test
    void aPersonalCallbackGoesToItsAgentOnlyNeverToTheDialer() {
        DialableLead lead = claimOne(NEW_YORK, ONLY_NEW_YORK);
        queue.attemptEnded(lead.attemptId(), AttemptOutcome.HUMAN_ANSWERED, "call-1", "1001", ONLY_NEW_YORK);
        Instant later = ONLY_NEW_YORK.plus(Duration.ofMinutes(30));
        queue.dispose(lead.attemptId(), "CALLBACK", Optional.of(later), true, fixture.anna.viewer());

        assertThat(queue.claim(campaign.id(), 10, later.plus(Duration.ofMinutes(5))))
                .isEmpty();
        assertThat(queue.claimPreview(campaign.id(), fixture.bob.viewer(), later.plusSeconds(60)))
                .isEmpty();
        assertThat(queue.claimPreview(campaign.id(), fixture.anna.viewer(), later.minusSeconds(60)))
                .isEmpty();
        Optional<DialableLead> mine = queue.claimPreview(campaign.id(), fixture.anna.viewer(), later.plusSeconds(60));
        assertThat(mine).map(DialableLead::number).contains(NEW_YORK);
        assertThat(jdbc.queryForObject(
                        "select agent_id from lead_attempts where id = ?",
                        Long.class,
                        mine.get().attemptId().value()))
                .isEqualTo(fixture.anna.id().value());
    }

    @Test
    void aDncDispositionPutsTheNumberOnTheCampaignsList() {
        DialableLead lead = claimOne(NEW_YORK, ONLY_NEW_YORK);
        queue.attemptEnded(lead.attemptId(), AttemptOutcome.HUMAN_ANSWERED, "call-1", "anna", ONLY_NEW_YORK);

        queue.dispose(lead.attemptId(), "DNC", Optional.empty(), false, fixture.anna.viewer());

        assertThat(status(NEW_YORK)).isEqualTo("DNC");
        assertThat(doNotCall.blocked(campaign.id(), NEW_YORK)).isPresent();
        assertThat(fixture.importLeads(imports, campaign.id(), "+1 212 736 5000,Ada,\n")
                        .rejected())
                .isEqualTo(1);
    }

    @Test
    void anotherAgentCannotDisposeMyCall() {
        DialableLead lead = claimOne(NEW_YORK, ONLY_NEW_YORK);
        queue.attemptEnded(lead.attemptId(), AttemptOutcome.HUMAN_ANSWERED, "call-1", "1001", ONLY_NEW_YORK);

        assertThatThrownBy(() -> queue.dispose(lead.attemptId(), "SALE", Optional.empty(), false, fixture.bob.viewer()))
                .isInstanceOf(CampaignAccessDeniedException.class);
    }

    @Test
    void previewCampaignsHandLeadsToAssignedAgentsOnly() {
        Campaign preview = fixture.running(
                campaigns, CampaignSettings.defaults("Preview", "preview").withDialMode(DialMode.PREVIEW));
        fixture.importLeads(imports, preview.id(), "+1 212 736 5009,Zed,\n");

        assertThat(queue.claimPreview(preview.id(), fixture.anna.viewer(), ONLY_NEW_YORK))
                .map(DialableLead::number)
                .contains("+12127365009");
        assertThat(queue.claimPreview(campaign.id(), fixture.anna.viewer(), ONLY_NEW_YORK))
                .as("a progressive campaign gives agents their own callbacks only")
                .isEmpty();
        assertThatThrownBy(() -> queue.claimPreview(preview.id(), fixture.supervisor.viewer(), ONLY_NEW_YORK))
                .isInstanceOf(CampaignAccessDeniedException.class);
    }

    @Test
    void aPreviewTakenAndNeverDialledIsOfferedToTheSameAgentAgain() {
        Campaign preview = fixture.running(
                campaigns, CampaignSettings.defaults("Preview again", "preview").withDialMode(DialMode.PREVIEW));
        fixture.importLeads(imports, preview.id(), "+1 212 736 5009,Zed,\n+1 212 736 5010,Yan,\n");
        DialableLead taken = queue.claimPreview(preview.id(), fixture.anna.viewer(), ONLY_NEW_YORK)
                .orElseThrow();

        // the agent's dial request never arrived (the node serving it stopped): she asks for the next lead
        DialableLead again = queue.claimPreview(preview.id(), fixture.anna.viewer(), ONLY_NEW_YORK.plusSeconds(5))
                .orElseThrow();
        assertThat(again.attemptId()).isEqualTo(taken.attemptId());
        assertThat(again.number()).isEqualTo(taken.number());
        DialableLead bobs = queue.claimPreview(preview.id(), fixture.bob.viewer(), ONLY_NEW_YORK.plusSeconds(5))
                .orElseThrow();
        assertThat(bobs.number()).as("another agent gets another lead").isNotEqualTo(taken.number());

        assertThat(open.takePreviewForDial(taken.attemptId(), fixture.anna.id(), "default", ONLY_NEW_YORK))
                .isPresent();
        assertThat(queue.claimPreview(preview.id(), fixture.anna.viewer(), ONLY_NEW_YORK.plusSeconds(10)))
                .as("dialled: nothing left for her")
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead_attempts where campaign_id = ?",
                        Long.class,
                        preview.id().value()))
                .as("one attempt per lead")
                .isEqualTo(2);
    }

    @Test
    void aLeadTheAgentSkipsIsGivenBackUncountedAndAnotherOfferedAndTheSkippedOneIsDueAgainLater() {
        Campaign preview = fixture.running(
                campaigns, CampaignSettings.defaults("Preview skip", "preview").withDialMode(DialMode.PREVIEW));
        fixture.importLeads(imports, preview.id(), "+1 212 736 5011,Xia,\n+1 212 736 5012,Wes,\n");
        DialableLead first = queue.claimPreview(preview.id(), fixture.anna.viewer(), ONLY_NEW_YORK)
                .orElseThrow();

        // bob's skip of anna's lead changes nothing
        DialableLead bobs = queue.claimPreview(
                        preview.id(), fixture.bob.viewer(), ONLY_NEW_YORK, Optional.of(first.attemptId()))
                .orElseThrow();
        assertThat(bobs.number()).isNotEqualTo(first.number());
        assertThat(queue.claimPreview(preview.id(), fixture.bob.viewer(), ONLY_NEW_YORK.plusSeconds(1)))
                .map(DialableLead::attemptId)
                .as("bob is offered his own undialled lead again")
                .contains(bobs.attemptId());

        Optional<DialableLead> afterSkip = queue.claimPreview(
                preview.id(), fixture.anna.viewer(), ONLY_NEW_YORK.plusSeconds(2), Optional.of(first.attemptId()));
        assertThat(afterSkip).as("both leads taken or skipped: none due now").isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead_attempts where id = ?",
                        Long.class,
                        first.attemptId().value()))
                .as("the skipped attempt is not counted")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select attempts from leads where current_attempt_id is null and campaign_id = ?",
                        Integer.class,
                        preview.id().value()))
                .isZero();

        Instant later = ONLY_NEW_YORK.plus(LeadQueue.SKIPPED_DUE_AGAIN_AFTER).plusSeconds(5);
        assertThat(queue.claimPreview(preview.id(), fixture.anna.viewer(), later))
                .map(DialableLead::number)
                .as("due again later")
                .contains(first.number());
    }

    @Test
    void leadsLeftDialingByACrashedDialerAreReleased() {
        DialableLead lead = claimOne(NEW_YORK, ONLY_NEW_YORK);
        clock.set(ONLY_NEW_YORK.plus(Duration.ofMinutes(10)));

        assertThat(queue.releaseStale(Duration.ofMinutes(15))).isZero();
        assertThat(queue.releaseStale(Duration.ofMinutes(5))).isEqualTo(1);

        assertThat(status(NEW_YORK)).isEqualTo("RETRY");
        DialableLead again = claimOne(NEW_YORK, clock.instant());
        assertThat(again.attemptId()).isNotEqualTo(lead.attemptId());
        queue.attemptEnded(lead.attemptId(), AttemptOutcome.BUSY, null, null, clock.instant());
        assertThat(status(NEW_YORK))
                .as("a late end of the released attempt changes nothing")
                .isEqualTo("DIALING");
    }

    @Test
    void aPausedCampaignHandsOutNothing() {
        campaigns.pause(campaign.id(), fixture.managerView());

        assertThat(queue.claim(campaign.id(), 10, BOTH_OPEN)).isEmpty();
    }

    private DialableLead claimOne(String number, Instant at) {
        List<DialableLead> claimed = queue.claim(campaign.id(), 10, at);
        Set<String> numbers = new HashSet<>();
        claimed.forEach(lead -> numbers.add(lead.number()));
        assertThat(numbers).contains(number);
        claimed.stream()
                .filter(lead -> !lead.number().equals(number))
                .forEach(lead -> queue.attemptEnded(lead.attemptId(), AttemptOutcome.FAILED, null, null, at));
        return claimed.stream()
                .filter(lead -> lead.number().equals(number))
                .findFirst()
                .orElseThrow();
    }

    private String status(String e164) {
        return jdbc.queryForObject("select status from leads where e164 = ?", String.class, e164);
    }
}
