package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.simulator.codec.AmiMessage;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionAndReplayTest {

    private final SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(1000);
    private AmiSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    private int start(SimulatorSettings with) {
        simulator = new AmiSimulator(with);
        return simulator.start();
    }

    @Test
    void dropConnectionsClosesEverySocketAndKeepsListening() throws Exception {
        int port = start(settings);
        try (RawAmiClient first = RawAmiClient.loggedIn(port, settings);
                RawAmiClient second = new RawAmiClient(port)) {
            second.banner();

            simulator.dropConnections();

            await().atMost(Duration.ofSeconds(5)).until(() -> first.closedByServer() && second.closedByServer());
        }
        try (RawAmiClient again = RawAmiClient.loggedIn(port, settings)) {
            assertThat(again.action("p", "Action: Ping").get("Ping")).contains("Pong");
        }
    }

    @Test
    void sendsRawBytesOnlyToLoggedInSessions() throws Exception {
        int port = start(settings);
        try (RawAmiClient loggedIn = RawAmiClient.loggedIn(port, settings);
                RawAmiClient anonymous = new RawAmiClient(port)) {
            anonymous.banner();

            simulator.sendRaw("Event: UserEvent\r\nUserEvent: Injected\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            AmiMessage injected = loggedIn.awaitFrame(f -> f.get("UserEvent").isPresent());
            assertThat(injected.get("UserEvent")).contains("Injected");
            anonymous.send("Action: Ping", "ActionID: x");
            assertThat(anonymous.awaitFrame(f -> f.get("ActionID").isPresent()).get("Message"))
                    .contains("Permission denied");
        }
    }

    @Test
    void closesTheSocketInTheMiddleOfAFrame() throws Exception {
        int port = start(settings);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("Action: Login\r\nUsername: " + settings.username() + "\r\nSecret: " + settings.secret()
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.stats().sessions() == 1);
            Thread.sleep(100);

            simulator.sendRawAndClose("Event: Hangup\r\nChannel: IAX2/carr".getBytes(StandardCharsets.US_ASCII));

            String received = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(received).endsWith("Event: Hangup\r\nChannel: IAX2/carr");
        }
    }

    @Test
    void replaysATraceWithItsRecordedTimestamps() throws Exception {
        int port = start(settings);
        List<String> expected;
        try (InputStream trace = getClass().getResourceAsStream("/traces/queue_answered.ami")) {
            expected = TraceReplayer.eventFrames(trace);
        }
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings);
                InputStream trace = getClass().getResourceAsStream("/traces/queue_answered.ami")) {
            simulator.replay(trace);
            client.send("Action: Ping", "ActionID: sync");
            List<AmiMessage> events =
                    client.framesUntil(f -> f.get("ActionID").orElse("").equals("sync"), Duration.ofSeconds(5)).stream()
                            .filter(f -> f.get("Event").isPresent())
                            .toList();

            assertThat(events).hasSameSizeAs(expected).hasSize(113);
            assertThat(events.get(0).get("Event")).contains("Newchannel");
            assertThat(events.get(0).get("Timestamp")).contains("1795388136.635108");
            assertThat(events).noneMatch(e -> e.get("Event").orElse("").equals("FullyBooted"));
            assertThat(events).noneMatch(e -> e.get("ActionID").isPresent());
        }
    }

    @Test
    void replaysATraceShiftedToNow() throws Exception {
        int port = start(settings);
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings);
                InputStream trace = getClass().getResourceAsStream("/traces/queue_abandoned.ami")) {
            double before = Double.parseDouble(
                    client.action("p", "Action: Ping").get("Timestamp").orElseThrow());

            simulator.replayShifted(trace);

            AmiMessage first = client.awaitFrame(f -> f.get("Event").isPresent());
            double stamp = Double.parseDouble(first.get("Timestamp").orElseThrow());
            assertThat(stamp).isGreaterThanOrEqualTo(before).isLessThan(before + 120);
        }
    }

    @Test
    void dropsAClientThatStopsReadingLikeAsteriskWriteTimeout() throws Exception {
        SimulatorSettings strict = settings.withSlowClients(SlowClientPolicy.asteriskWriteTimeout());
        int port = start(strict);
        try (Socket stalled = new Socket("127.0.0.1", port)) {
            stalled.setReceiveBufferSize(64 * 1024);
            stalled.getOutputStream()
                    .write(("Action: Login\r\nUsername: " + strict.username() + "\r\nSecret: " + strict.secret()
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.stats().sessions() == 1);
            Thread.sleep(100);

            simulator.startLoad(LoadProfile.of(5_000, 500).withDurations(1, 2));

            await().atMost(Duration.ofSeconds(20)).until(() -> simulator.stats().clientsDroppedSlow() == 1);
            simulator.stopLoad();
        }
    }
}
