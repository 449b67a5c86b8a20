package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.RingStopReason;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.simulator.LoadProfile;
import io.switchboard.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo leaves agent1's extension (2000) to the person trying it: the simulated queue rings it before a
 * simulated agent takes the call, so their desktop pops, but the simulator never answers it.
 */
class HumanAgentLoadTest {

    @Test
    void humanExtensionRingsWithoutAnswerThenASimulatedAgentTakesTheCall() {
        try (GatewayFixture fixture =
                GatewayFixture.start(SimulatorSettings.defaults().withTimeScale(50))) {
            fixture.simulator.startLoad(LoadProfile.of(20, 3)
                    .withDurations(2, 3)
                    .withAnswerRate(1)
                    .withLimits(0, 10)
                    .withHumanAgents(1));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> fixture.sink.ended().size() == 10 && fixture.gateway.activeCalls() == 0);

            List<AgentRinging> humanRings = fixture.sink.of(AgentRinging.class).stream()
                    .filter(ringing -> ringing.agent().equals("2000"))
                    .toList();
            assertThat(humanRings).isNotEmpty();
            assertThat(fixture.sink.of(AgentRingStopped.class))
                    .filteredOn(stopped -> stopped.agent().equals("2000"))
                    .hasSize(humanRings.size())
                    .allMatch(stopped -> stopped.reason() == RingStopReason.NO_ANSWER);
            assertThat(fixture.sink.ended())
                    .allMatch(ended -> ended.outcome() == CallOutcome.ANSWERED)
                    .extracting(CallEnded::answeredBy)
                    .doesNotContain("2000")
                    .containsOnly("2001", "2002");
        }
    }
}
