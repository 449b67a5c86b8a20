package io.switchboard.campaign.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AbandonProjectionTest {

    @Test
    void certainAnswersBeyondTheFreeAgentsAreAbandoned() {
        AbandonProjection projection = new AbandonProjection(3, 0, 0, 1, 0, 0);

        assertThat(projection.expectedAnswers()).isEqualTo(3);
        assertThat(projection.expectedAbandons()).isCloseTo(2, within(1e-12));
    }

    @Test
    void aCoinFlipAnswerWithNoAgentIsHalfAnAbandon() {
        AbandonProjection projection = new AbandonProjection(0, 1, 0.5, 0, 0, 0);

        assertThat(projection.expectedAbandons()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void agentsFreeingUpTakeAnswersByChance() {
        // one certain answer, one busy agent who frees up in time half the time
        AbandonProjection projection = new AbandonProjection(1, 0, 0, 0, 1, 0.5);

        assertThat(projection.expectedAbandons()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theTailAboveTheMeanAbandonsEvenWhenTheMeansMatch() {
        // 40 calls at 25 % bring 10 answers on average for 10 free agents: the means match, the tail does not
        AbandonProjection projection = new AbandonProjection(0, 0, 0, 10, 0, 0);
        for (int i = 0; i < 40; i++) {
            projection.addCall(0.25);
        }

        assertThat(projection.expectedAnswers()).isCloseTo(10, within(1e-9));
        // E[(Bin(40, 0.25) - 10)+] = about 1.08
        assertThat(projection.expectedAbandons()).isBetween(0.9, 1.3);
    }
}
