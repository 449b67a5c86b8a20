package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.codec.AmiMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plays each scenario that has a recorded Asterisk 22 trace and compares what a client receives with the trace:
 * the same phases in the same order, the same events in each phase (see {@link TraceShape} for what is left out
 * and why), and the same field layout for every event type.
 */
class ScenarioTraceConformanceTest extends SimulatorAtSpeedTestBase {

    @Test
    void queueCallAnsweredMatchesTheRecordedTrace() throws Exception {
        assertMatchesTrace(QueueCallAnswered.example(), "queue_answered.ami");
    }

    @Test
    void queueCallAbandonedMatchesTheRecordedTrace() throws Exception {
        assertMatchesTrace(QueueCallAbandoned.example(), "queue_abandoned.ami");
    }

    @Test
    void ringAllCallMatchesTheRecordedTrace() throws Exception {
        assertMatchesTrace(RingAllAnswered.example(), "ringall_answered.ami");
    }

    @Test
    void answeredClickToDialMatchesTheRecordedTrace() throws Exception {
        assertMatchesTrace(OutboundCall.answeredExample(), "outbound_answered.ami");
    }

    @Test
    void busyClickToDialMatchesTheRecordedTrace() throws Exception {
        assertMatchesTrace(OutboundCall.busyExample(), "outbound_busy.ami");
    }

    private void assertMatchesTrace(Scenario scenario, String trace) throws Exception {
        List<AmiMessage> recorded = TraceShape.traceEvents(trace);
        List<AmiMessage> simulated = play(scenario);

        List<Map<String, Long>> expectedPhases = TraceShape.phases(recorded);
        List<Map<String, Long>> actualPhases = TraceShape.phases(simulated);
        assertThat(actualPhases).hasSameSizeAs(expectedPhases);
        for (int i = 0; i < expectedPhases.size(); i++) {
            assertThat(actualPhases.get(i)).as("phase %d of %s", i, trace).isEqualTo(expectedPhases.get(i));
        }
        Map<String, List<String>> expectedLayouts = TraceShape.fieldLayouts(recorded);
        TraceShape.fieldLayouts(simulated)
                .forEach((event, fields) ->
                        assertThat(fields).as("fields of %s", event).isEqualTo(expectedLayouts.get(event)));
    }

    private List<AmiMessage> play(Scenario scenario) throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            SimulatedCall call = simulator.run(scenario).get();
            client.send("Action: Ping", "ActionID: sync");
            List<AmiMessage> frames =
                    client.framesUntil(f -> f.get("ActionID").orElse("").equals("sync"), Duration.ofSeconds(10));
            List<AmiMessage> events =
                    frames.stream().filter(f -> f.get("Event").isPresent()).toList();
            assertThat(events)
                    .allSatisfy(event -> assertThat(event.get("Linkedid").orElse(call.linkedid()))
                            .isEqualTo(call.linkedid()));
            return events;
        }
    }
}
