package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.simulator.codec.AmiMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Originate without {@code Async: true}, as Asterisk 22 answers it (recorded from the suite's PBX): the response
 * comes when the call connects ("Originate successfully queued") or fails ({@code Response: Error}, "Originate
 * failed"), and no OriginateResponse event is sent for it.
 */
class SynchronousOriginateTest {

    private final SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(1);
    private AmiSimulator simulator;
    private int port;

    @BeforeEach
    void start() {
        simulator = new AmiSimulator(settings, new SimpleMeterRegistry());
        port = simulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void isAnsweredOnceTheAgentsPhoneAnswersAndReportsNoOriginateResponse() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            client.send(
                    "Action: Originate",
                    "ActionID: s1",
                    "Channel: Local/1003@agent-sim",
                    "Context: to-carrier",
                    "Exten: 4930555551",
                    "Priority: 1",
                    "Variable: SIM_TALK=1");
            List<AmiMessage> frames = client.framesUntil(
                    frame -> frame.get("ActionID").orElse("").equals("s1")
                            && frame.get("Response").isPresent(),
                    Duration.ofSeconds(10));

            AmiMessage response = frames.get(frames.size() - 1);
            assertThat(response.get("Response")).contains("Success");
            assertThat(response.get("Message")).contains("Originate successfully queued");
            // answered after the agent's phone rang: its leg was created and came up before the response
            assertThat(frames)
                    .anySatisfy(frame -> assertThat(frame.get("Event")).contains("Newchannel"));
            assertThat(frames)
                    .anySatisfy(
                            frame -> assertThat(frame.get("ChannelStateDesc")).contains("Up"));
            List<AmiMessage> rest = client.framesUntil(
                    frame -> frame.get("Event").orElse("").equals("Hangup")
                            && frame.get("Channel").orElse("").startsWith("IAX2/"),
                    Duration.ofSeconds(20));
            assertThat(rest).noneSatisfy(frame -> assertThat(frame.get("Event")).contains("OriginateResponse"));
        }
    }

    @Test
    void failsWithAnErrorWhenTheCustomerCannotBeReached() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            client.send(
                    "Action: Originate",
                    "ActionID: s2",
                    "Channel: Local/+4930555552@campaign-out",
                    "Context: campaign-connect",
                    "Exten: campaign",
                    "Priority: 1",
                    "Timeout: 5000",
                    "Variable: SIM_OUTCOME=BUSY");
            List<AmiMessage> frames = client.framesUntil(
                    frame -> frame.get("ActionID").orElse("").equals("s2")
                            && frame.get("Response").isPresent(),
                    Duration.ofSeconds(10));

            AmiMessage response = frames.get(frames.size() - 1);
            assertThat(response.get("Response")).contains("Error");
            assertThat(response.get("Message")).contains("Originate failed");
            assertThat(frames)
                    .anySatisfy(frame -> assertThat(frame.get("DialStatus")).contains("BUSY"));
            assertThat(frames)
                    .noneSatisfy(frame -> assertThat(frame.get("Event")).contains("OriginateResponse"));
        }
    }
}
