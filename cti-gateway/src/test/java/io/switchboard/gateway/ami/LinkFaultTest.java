package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.simulator.LoadProfile;
import io.switchboard.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The AMI connection cut 20 times under load: no call is lost from the books, none is counted twice. */
class LinkFaultTest {

    @Test
    void everyStartedCallEndsExactlyOnceAcrossTwentyLinkCuts() throws Exception {
        try (GatewayFixture fixture =
                GatewayFixture.start(SimulatorSettings.defaults().withTimeScale(20))) {
            fixture.simulator.startLoad(
                    LoadProfile.of(100, 40).withDurations(2, 20).withAnswerRate(0.8));
            for (int cut = 1; cut <= 20; cut++) {
                Thread.sleep(150);
                fixture.simulator.dropConnections();
                fixture.awaitResyncs(cut + 1);
            }
            fixture.simulator.stopLoad();
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.simulator.liveCalls() == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.gateway.activeCalls() == 0);

            Map<String, Long> starts = fixture.sink.started().stream()
                    .collect(Collectors.groupingBy(CallStarted::callId, Collectors.counting()));
            Map<String, Long> ends = fixture.sink.ended().stream()
                    .collect(Collectors.groupingBy(CallEnded::callId, Collectors.counting()));
            assertThat(fixture.gateway.linkStatus().connects()).isEqualTo(21);
            assertThat(starts).as("calls seen").hasSizeGreaterThan(200);
            assertThat(starts.values()).as("no call started twice").allMatch(n -> n == 1);
            assertThat(ends.values()).as("no call ended twice").allMatch(n -> n == 1);
            assertThat(ends.keySet()).as("every started call ended").isEqualTo(starts.keySet());
            assertThat(fixture.sink.ended().stream()
                            .filter(CallEnded::reconciled)
                            .count())
                    .as("some calls ended while the link was down")
                    .isPositive();
            assertThat(fixture.gateway.droppedEvents()).isZero();
        }
    }
}
