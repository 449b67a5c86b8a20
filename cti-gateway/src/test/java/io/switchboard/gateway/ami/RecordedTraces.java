package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the trace replay tests share: a gateway on the simulator, and a trace recorded from a real Asterisk 22
 * (cti-simulator's test resources, {@code /traces/}) replayed through it over TCP into Asterisk-Java and the tracker.
 */
abstract class RecordedTraces {

    protected GatewayFixture fixture;

    @BeforeEach
    void startGateway() {
        fixture = GatewayFixture.start(SimulatorSettings.defaults());
    }

    @AfterEach
    void stopGateway() {
        fixture.close();
    }

    /** Replays a trace and returns the calls it ended, once the tracker has no call left. */
    protected List<CallEnded> replay(String trace, int calls) throws IOException {
        try (InputStream in = RecordedTraces.class.getResourceAsStream("/traces/" + trace)) {
            assertThat(in).as(trace).isNotNull();
            fixture.simulator.replay(in);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.sink.ended().size() >= calls && fixture.gateway.activeCalls() == 0);
        assertThat(fixture.sink.started()).as("calls started").hasSize(calls);
        assertThat(fixture.sink.ended()).as("calls ended, once each").hasSize(calls);
        return fixture.sink.ended();
    }

    /** Replays a trace of one call and returns it. */
    protected CallEnded theCall(String trace) throws IOException {
        return replay(trace, 1).get(0);
    }

    /** The trace's text, to replay changed. */
    protected static String text(String trace) {
        try (InputStream in = RecordedTraces.class.getResourceAsStream("/traces/" + trace)) {
            assertThat(in).as(trace).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agents whose phones rang, in order. */
    protected List<String> rang() {
        return fixture.sink.of(AgentRinging.class).stream()
                .map(AgentRinging::agent)
                .toList();
    }
}
