package io.switchboard.campaign.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PacerTest {

    /** A campaign that has shown a 25 % answer rate, 10 s to answer, 20 s to fail and 190 s per call. */
    static final PacingEstimate LEARNED = new PacingEstimate(0.25, 10.5, 20, 190, 500);

    final Pacer pacer = new Pacer();

    static PacingInput input(
            DialMode mode, int ready, int busy, int ringing, long answered, long abandoned, PacingEstimate estimate) {
        return new PacingInput(mode, ready, busy, ringing, 0, answered, abandoned, 0.03, estimate);
    }

    @Test
    void previewLeavesTheDiallingToTheAgents() {
        PacingDecision decision = pacer.decide(input(DialMode.PREVIEW, 10, 0, 0, 0, 0, LEARNED));

        assertThat(decision.callsToPlace()).isZero();
        assertThat(decision.reason()).contains("preview");
    }

    @Test
    void progressiveNeverHasMoreCallsInProgressThanFreeAgents() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            int ready = random.nextInt(30);
            int ringing = random.nextInt(40);
            int waiting = random.nextInt(3);
            PacingInput input = new PacingInput(
                    DialMode.PROGRESSIVE, ready, random.nextInt(30), ringing, waiting, 100, 0, 0.03, LEARNED);

            int calls = pacer.decide(input).callsToPlace();

            assertThat(calls).isEqualTo(Math.max(0, ready - ringing - waiting));
            if (ringing + waiting <= ready) {
                assertThat(ringing + waiting + calls).isEqualTo(ready);
            }
        }
    }

    @Test
    void predictiveOverDialsAtALowAnswerRateWhenTheBudgetAllows() {
        PacingInput input = input(DialMode.PREDICTIVE, 5, 45, 0, 2_000, 10, LEARNED);

        PacingDecision predictive = pacer.decide(input);
        PacingDecision progressive = pacer.decide(input(DialMode.PROGRESSIVE, 5, 45, 0, 2_000, 10, LEARNED));

        assertThat(progressive.callsToPlace()).isEqualTo(5);
        assertThat(predictive.callsToPlace()).isGreaterThanOrEqualTo(2 * progressive.callsToPlace());
        assertThat(predictive.dialRatio()).isGreaterThan(1);
        assertThat(predictive.estimatedAnswerRate()).isEqualTo(0.25);
        assertThat(predictive.expectedFreeAgents()).isBetween(6.0, 9.0);
        assertThat(predictive.reason()).startsWith("predictive");
    }

    @Test
    void predictiveFallsBackToProgressiveWhenTheDaysBudgetIsSpent() {
        // 62 of 2,000 answered calls abandoned: over the cap by more than the answers of the next calls can repair
        PacingDecision decision = pacer.decide(input(DialMode.PREDICTIVE, 5, 45, 0, 2_000, 62, LEARNED));

        assertThat(decision.callsToPlace()).isEqualTo(5);
        assertThat(decision.abandonRateToday()).isEqualTo(0.031);
        assertThat(decision.reason()).contains("budget is spent");
    }

    @Test
    void predictiveNeverOverDialsWithoutBudget() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 2_000; i++) {
            int ready = random.nextInt(20);
            int busy = random.nextInt(50);
            int ringing = random.nextInt(60);
            long answered = random.nextInt(5_000);
            // at or over the cap already: the answers the calls in flight may bring are all the budget there is
            long abandoned = Math.min(answered, (long) Math.ceil(0.03 * answered) + random.nextInt(20));
            PacingInput input = input(DialMode.PREDICTIVE, ready, busy, ringing, answered, abandoned, LEARNED);
            // the most the in-flight answers could add to the budget, even if every call were answered
            double inFlightBudget = 0.03 * (ringing + 4 * (ready + busy)) + 1;
            int calls = pacer.decide(input).callsToPlace();

            if (abandoned > 0.03 * answered + inFlightBudget) {
                assertThat(calls).isEqualTo(Math.max(0, ready - ringing));
            }
        }
    }

    @Test
    void startOfTheDayIsProgressiveUntilAnswersBuildABudget() {
        // 33 answers at a 3 % cap do not yet allow one abandoned call; 34 do
        PacingDecision morning = pacer.decide(input(DialMode.PREDICTIVE, 5, 45, 0, 33, 0, LEARNED));
        PacingDecision later = pacer.decide(input(DialMode.PREDICTIVE, 5, 45, 0, 34, 0, LEARNED));

        assertThat(morning.callsToPlace()).isEqualTo(5);
        assertThat(morning.reason()).contains("build an abandon budget (33 of 34 answers");
        assertThat(later.callsToPlace()).isGreaterThan(5);
    }

    @Test
    void holdsBackWhenTooFewAgentsWillBeFreeToTakeTheAnswers() {
        PacingDecision decision = pacer.decide(input(DialMode.PREDICTIVE, 0, 50, 0, 2_000, 10, LEARNED));

        assertThat(decision.callsToPlace()).isZero();
        assertThat(decision.reason()).contains("more would risk over 0.6% abandoned");
    }

    @Test
    void aNewCampaignStartsAtOneCallPerFreeAgent() {
        PacingEstimate fresh = new PacingStats().estimate();

        PacingDecision decision = pacer.decide(input(DialMode.PREDICTIVE, 50, 0, 0, 1_000, 0, fresh));

        assertThat(decision.callsToPlace()).isEqualTo(50);
    }

    @Test
    void ringingCallsCountAgainstTheAgentsTheyWillNeed() {
        // 40 calls ringing at a 25 % answer rate (12 % of those still ringing) already cover the 5 free agents
        PacingDecision decision = pacer.decide(input(DialMode.PREDICTIVE, 5, 0, 40, 2_000, 10, LEARNED));

        assertThat(decision.callsToPlace()).isZero();
        assertThat(decision.reason()).contains("cover");
    }
}
