package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatorSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Garbage on the AMI link: each kind is discarded with a log line and a metric, the link stays up (or reconnects
 * when the socket closes), and the tracker keeps the call it was following.
 */
class BadAmiInputTest {

    private GatewayFixture fixture;

    @BeforeEach
    void startACallThatLastsTheWholeTest() {
        fixture = GatewayFixture.start(SimulatorSettings.defaults().withTimeScale(10));
        fixture.simulator.run(new QueueCallAnswered(
                QueueCallAnswered.example().caller(), "support", "1001", 1, 36_000, HangupBy.CALLER));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !fixture.sink.of(CallAnswered.class).isEmpty());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private double malformed(String reason) {
        return fixture.counter("switchboard.ami.frames.malformed", "reason", reason);
    }

    private void assertLinkUpAndCallKept() {
        assertThat(fixture.gateway.linkStatus().state()).isEqualTo(LinkStatus.State.UP);
        assertThat(fixture.gateway.activeCalls()).isEqualTo(1);
        assertThat(fixture.sink.ended()).isEmpty();
    }

    private void assertNextEventsStillArrive() {
        int before = fixture.sink.all().size();
        fixture.simulator.run(new io.switchboard.simulator.QueueCallAbandoned(
                new io.switchboard.simulator.Caller("+4930111", "Next", "500"),
                "support",
                java.util.Optional.empty(),
                1));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.sink.ended().size() == 1);
        assertThat(fixture.sink.all().size()).isGreaterThan(before);
    }

    @Test
    void aLineOver64KibIsDiscardedAndTheFrameAroundItKept() {
        String huge = "Event: UserEvent\r\nUserEvent: Big\r\nData: " + "x".repeat(70 * 1024) + "\r\n\r\n";
        fixture.simulator.sendRaw(huge.getBytes(StandardCharsets.US_ASCII));

        await().atMost(Duration.ofSeconds(5)).until(() -> malformed("line_too_long") == 1);
        assertLinkUpAndCallKept();
        assertNextEventsStillArrive();
    }

    @Test
    void binaryGarbageIsDiscarded() {
        byte[] garbage = new byte[600];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 % 256 == '\n' ? 0 : i * 31 % 256);
        }
        fixture.simulator.sendRaw(concat(garbage, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

        await().atMost(Duration.ofSeconds(5)).until(() -> malformed("binary") >= 1);
        assertLinkUpAndCallKept();
        assertNextEventsStillArrive();
    }

    @Test
    void aKeyWithoutAColonIsDiscarded() {
        fixture.simulator.sendRaw("Event: UserEvent\r\nthis line has no colon\r\nUserEvent: X\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));

        await().atMost(Duration.ofSeconds(5)).until(() -> malformed("no_colon") == 1);
        assertLinkUpAndCallKept();
        assertNextEventsStillArrive();
    }

    @Test
    void aSocketClosedMidFrameReconnectsAndKeepsTheCall() {
        fixture.simulator.sendRawAndClose("Event: Hangup\r\nChannel: IAX2/carr".getBytes(StandardCharsets.US_ASCII));

        await().atMost(Duration.ofSeconds(5)).until(() -> malformed("truncated_frame") == 1);
        fixture.awaitResyncs(2);
        assertThat(fixture.gateway.linkStatus().connects()).isEqualTo(2);
        assertLinkUpAndCallKept();
        assertThat(fixture.counter("switchboard.ami.link.reconnects")).isEqualTo(1);
        assertNextEventsStillArrive();
    }

    /**
     * A listing's end is the PBX's word on which channels exist; one the gateway did not ask for (another session's
     * ActionID, or none) must not end the call it follows as a missed call.
     */
    @Test
    void anUnrequestedListingEndLeavesTheLiveCallAlone() {
        fixture.simulator.sendRaw(("Event: CoreShowChannelsComplete\r\nActionID: someone-else\r\n"
                        + "EventList: Complete\r\nListItems: 0\r\n\r\n"
                        + "Event: QueueStatusComplete\r\nEventList: Complete\r\nListItems: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        // events are folded in stream order: once the next call has ended, the listings before it were seen
        fixture.simulator.run(new io.switchboard.simulator.QueueCallAbandoned(
                new io.switchboard.simulator.Caller("+4930111", "Next", "500"),
                "support",
                java.util.Optional.empty(),
                1));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        fixture.sink.ended().stream().anyMatch(e -> e.toString().contains("+4930111")));
        assertThat(fixture.sink.ended()).hasSize(1);
        assertThat(fixture.gateway.activeCalls()).isEqualTo(1);
        assertThat(fixture.counter("switchboard.calls.resyncs")).isEqualTo(1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
