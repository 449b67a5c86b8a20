package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatorSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events the call model never reads are dropped at the socket, counted, and take nothing else with them. */
class UnreadEventsTest {

    private GatewayFixture fixture;

    @BeforeEach
    void start() {
        fixture = GatewayFixture.start(SimulatorSettings.defaults().withTimeScale(20));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aQueueCallIsTrackedWhileItsDeviceStateAndHangupRequestEventsAreDroppedUnread() {
        fixture.simulator.run(
                new QueueCallAnswered(QueueCallAnswered.example().caller(), "support", "1001", 1, 2, HangupBy.CALLER));

        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.sink.ended().size() == 1);
        assertThat(fixture.sink.of(CallAnswered.class)).hasSize(1);
        assertThat(fixture.sink.ended()).extracting(CallEnded::finalAgent).containsExactly("1001");
        assertThat(unread("DeviceStateChange")).isPositive();
        assertThat(unread("HangupRequest")).isPositive();
        // never built by Asterisk-Java, so never handed to the tracker
        assertThat(received("DeviceStateChange")).isZero();
        assertThat(received("Hangup")).isPositive();
    }

    @Test
    void anUnreadFrameEndsAtItsBlankLineAndTheNextEventIsRead() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.gateway.linkStatus().state() == LinkStatus.State.UP);
        fixture.simulator.sendRaw(("Event: DeviceStateChange\r\nDevice: Custom:1001\r\nState: INUSE\r\n\r\n"
                        + "Event: Newexten\r\nChannel: PJSIP/1001-0001\r\nno colon here\r\n\r\n"
                        + "Event: QueueMemberPause\r\nQueue: support\r\nInterface: Local/1001@agent-sim/n\r\n"
                        + "MemberName: 1001\r\nPaused: 1\r\nPausedReason: lunch\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        await().atMost(Duration.ofSeconds(5)).until(() -> received("QueueMemberPause") == 1);
        assertThat(unread("DeviceStateChange")).isEqualTo(1);
        assertThat(received("DeviceStateChange")).isZero();
        assertThat(unread("Newexten")).isEqualTo(1);
        // a garbled line inside a dropped frame is still reported
        assertThat(fixture.counter("switchboard.ami.frames.malformed", "reason", "no_colon"))
                .isEqualTo(1);
        assertThat(fixture.gateway.linkStatus().state()).isEqualTo(LinkStatus.State.UP);
    }

    private double unread(String type) {
        return fixture.counter("switchboard.ami.events.unread", "type", type);
    }

    private double received(String type) {
        return fixture.counter("switchboard.ami.events.received", "type", type);
    }
}
