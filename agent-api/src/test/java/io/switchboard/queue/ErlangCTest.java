package io.switchboard.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangCTest {

    @Test
    void probabilityOfWaitingMatchesTheClosedFormForASmallCase() {
        // A = 1 Erlang, N = 2 agents: (A^N/N! * N/(N-A)) / (1 + A + A^N/N! * N/(N-A)) = 1 / 3
        assertThat(ErlangC.probabilityOfWaiting(1, 2)).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void serviceLevelFollowsTheErlangCFormula() {
        // 1 - 1/3 * e^-((2 - 1) * 20 / 60)
        assertThat(ErlangC.serviceLevel(1, 2, 60, 20)).isCloseTo(1 - Math.exp(-1 / 3.0) / 3, within(1e-12));
    }

    @Test
    void agentsNeededIsTheFewestThatMeetTheTarget() {
        double callsPerSecond = 100 / 1800.0; // 100 calls in half an hour
        int needed = ErlangC.agentsNeeded(callsPerSecond, 180, 20, 0.8);

        double traffic = callsPerSecond * 180;
        assertThat(ErlangC.serviceLevel(traffic, needed, 180, 20)).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangC.serviceLevel(traffic, needed - 1, 180, 20)).isLessThan(0.8);
        assertThat(needed).isGreaterThan((int) Math.ceil(traffic));
    }

    @Test
    void noCallsNeedNoAgentsAndHugeLoadsStayFinite() {
        assertThat(ErlangC.agentsNeeded(0, 180, 20, 0.8)).isZero();
        assertThat(ErlangC.probabilityOfWaiting(500, 520)).isBetween(0.0, 1.0);
    }
}
