package io.switchboard.campaign.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PacingStatsTest {

    final SplittableRandom random = new SplittableRandom(3);

    void attempts(PacingStats stats, int count, double answerRate) {
        for (int i = 0; i < count; i++) {
            stats.attemptPlaced();
            if (random.nextDouble() < answerRate) {
                stats.attemptAnswered(6 + 4 * random.nextDouble());
            } else {
                stats.attemptFailed(25);
            }
        }
    }

    @Test
    void startsFromThePrior() {
        PacingEstimate estimate = new PacingStats().estimate();

        assertThat(estimate).isEqualTo(PacingStats.CAUTIOUS_PRIOR);
    }

    @Test
    void convergesToTheTrueAnswerRateAndTimes() {
        PacingStats stats = new PacingStats();
        attempts(stats, 3_000, 0.25);
        for (int i = 0; i < 500; i++) {
            stats.agentFreed(150 + 80 * random.nextDouble());
        }

        PacingEstimate estimate = stats.estimate();

        assertThat(estimate.answerRate()).isCloseTo(0.25, within(0.04));
        assertThat(estimate.secondsToAnswer()).isCloseTo(8, within(0.5));
        assertThat(estimate.secondsToFail()).isCloseTo(25, within(0.5));
        assertThat(estimate.handleSeconds()).isCloseTo(190, within(10.0));
        assertThat(estimate.attemptsSeen()).isEqualTo(500);
        assertThat(stats.attemptsPlaced()).isEqualTo(3_000);
    }

    @Test
    void followsADropInTheAnswerRateWithinOneWindow() {
        PacingStats stats = new PacingStats();
        attempts(stats, 2_000, 0.40);
        attempts(stats, 600, 0.10);

        assertThat(stats.estimate().answerRate()).isCloseTo(0.10, within(0.04));
    }

    @Test
    void callsStillRingingAreLessLikelyToBeAnsweredThanFreshOnes() {
        PacingEstimate estimate = new PacingEstimate(0.25, 8, 24, 190, 500);

        // answered calls hold their line 8 s, the others 24 s: p·8 / (p·8 + (1-p)·24) = 2 / 20
        assertThat(estimate.inFlightAnswerRate()).isCloseTo(0.10, within(1e-9));
    }
}
