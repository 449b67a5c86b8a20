package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.simulator.codec.AmiMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorSessionTest {

    private final SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(1000);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private AmiSimulator simulator;
    private int port;

    @BeforeEach
    void start() {
        simulator = new AmiSimulator(settings, meters);
        port = simulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** Everything the client received up to the answer of a Ping sent now. */
    private static java.util.List<AmiMessage> framesUntilPong(RawAmiClient client, String id) throws Exception {
        client.send("Action: Ping", "ActionID: " + id);
        return client.framesUntil(f -> f.get("ActionID").orElse("").equals(id), Duration.ofSeconds(5));
    }

    @Test
    void greetsWithTheAsterisk22Banner() throws Exception {
        try (RawAmiClient client = new RawAmiClient(port)) {
            assertThat(client.banner()).isEqualTo("Asterisk Call Manager/11.0.0");
        }
    }

    @Test
    void refusesActionsBeforeLogin() throws Exception {
        try (RawAmiClient client = new RawAmiClient(port)) {
            AmiMessage response = client.action("p1", "Action: Ping");

            assertThat(response.get("Response")).contains("Error");
            assertThat(response.get("Message")).contains("Permission denied");
        }
    }

    @Test
    void acceptsAPlainLoginAndSendsFullyBooted() throws Exception {
        try (RawAmiClient client = new RawAmiClient(port)) {
            AmiMessage response = client.action(
                    "l1", "Action: Login", "Username: " + settings.username(), "Secret: " + settings.secret());

            assertThat(response.fields())
                    .extracting(f -> f.key() + ": " + f.value())
                    .containsExactly("Response: Success", "ActionID: l1", "Message: Authentication accepted");
            assertThat(client.awaitFrame(f -> f.get("Event").isPresent()).get("Event"))
                    .contains("FullyBooted");
        }
    }

    @Test
    void acceptsAnMd5ChallengeLogin() throws Exception {
        try (RawAmiClient client = new RawAmiClient(port)) {
            AmiMessage challenge = client.action("c1", "Action: Challenge", "AuthType: MD5");
            String key = LoginActions.md5Hex(challenge.get("Challenge").orElseThrow() + settings.secret());

            AmiMessage login = client.action(
                    "l1", "Action: Login", "AuthType: MD5", "Username: " + settings.username(), "Key: " + key);

            assertThat(challenge.get("Challenge"))
                    .hasValueSatisfying(c -> assertThat(c).containsOnlyDigits());
            assertThat(login.get("Response")).contains("Success");
        }
    }

    @Test
    void rejectsAWrongSecretAndClosesTheSession() throws Exception {
        try (RawAmiClient client = new RawAmiClient(port)) {
            AmiMessage response =
                    client.action("l1", "Action: Login", "Username: " + settings.username(), "Secret: wrong");

            assertThat(response.get("Response")).contains("Error");
            assertThat(response.get("Message")).contains("Authentication failed");
            await().atMost(Duration.ofSeconds(5)).until(client::closedByServer);
        }
    }

    @Test
    void answersPingWithPongAndATimestamp() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            AmiMessage pong = client.action("p1", "Action: Ping");

            assertThat(pong.get("Ping")).contains("Pong");
            assertThat(pong.get("Timestamp"))
                    .hasValueSatisfying(t -> assertThat(t).matches("\\d{10}\\.\\d{6}"));
        }
    }

    @Test
    void reportsTheAsteriskVersionLikeAsterisk22() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            AmiMessage settingsResponse = client.action("s1", "Action: CoreSettings");
            AmiMessage version = client.action("v1", "Action: Command", "Command: core show version");
            AmiMessage other = client.action("v2", "Action: Command", "Command: sip show peers");

            assertThat(settingsResponse.get("AMIversion")).contains("11.0.0");
            assertThat(settingsResponse.get("AsteriskVersion")).contains("22.5.2");
            assertThat(version.get("Message")).contains("Command output follows");
            assertThat(version.get("Output"))
                    .hasValueSatisfying(o -> assertThat(o).startsWith("Asterisk 22.5.2 built"));
            assertThat(other.get("Response")).contains("Error");
        }
    }

    @Test
    void namesAnUnknownActionLikeAsterisk() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            AmiMessage response = client.action("u1", "Action: FrobnicateAll");

            assertThat(response.get("Response")).contains("Error");
            assertThat(response.get("Message"))
                    .contains(
                            "Invalid/unknown command: FrobnicateAll. Use Action: ListCommands to show available commands.");
        }
    }

    @Test
    void switchesEventsOffAndOn() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            assertThat(client.action("e1", "Action: Events", "EventMask: off").get("Events"))
                    .contains("Off");
            simulator.run(QueueCallAnswered.example()).join();
            assertThat(framesUntilPong(client, "p1"))
                    .noneMatch(f -> f.get("Event").isPresent());

            assertThat(client.action("e2", "Action: Events", "EventMask: on").get("Events"))
                    .contains("On");
        }
    }

    @Test
    void sendsNoEventsToASessionThatLoggedInWithEventsOff() throws Exception {
        try (RawAmiClient client = new RawAmiClient(port)) {
            client.action(
                    "l1",
                    "Action: Login",
                    "Username: " + settings.username(),
                    "Secret: " + settings.secret(),
                    "Events: off");
            simulator.run(QueueCallAnswered.example()).join();

            assertThat(framesUntilPong(client, "p1"))
                    .noneMatch(f -> f.get("Event").isPresent());
        }
    }

    @Test
    void saysGoodbyeAndClosesOnLogoff() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            AmiMessage goodbye = client.action("bye", "Action: Logoff");

            assertThat(goodbye.get("Response")).contains("Goodbye");
            assertThat(goodbye.get("Message")).contains("Thanks for all the fish.");
            await().atMost(Duration.ofSeconds(5)).until(client::closedByServer);
        }
    }

    @Test
    void answersAMalformedFrameWithAnErrorAndKeepsTheSession() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            client.sendRaw("Action: Ping\r\nActionID: bad-1\r\nno colon here\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            AmiMessage error =
                    client.awaitFrame(f -> f.get("ActionID").orElse("").equals("bad-1"));
            client.sendRaw(new byte[] {0, 1, 2, (byte) 0xff, '\r', '\n', '\r', '\n'});
            client.sendRaw(("Action: Ping\r\nActionID: long\r\nX: " + "y".repeat(70_000) + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            AmiMessage tooLong =
                    client.awaitFrame(f -> f.get("ActionID").orElse("").equals("long"));

            assertThat(error.get("Response")).contains("Error");
            assertThat(error.get("Message")).contains("Malformed message: Line without a colon");
            assertThat(tooLong.get("Message")).contains("Malformed message: Line too long");
            assertThat(client.action("p1", "Action: Ping").get("Ping")).contains("Pong");
            assertThat(meters.counter(MalformedFrameHandler.METRIC, "reason", "no_colon")
                            .count())
                    .isEqualTo(1);
            assertThat(meters.counter(MalformedFrameHandler.METRIC, "reason", "binary")
                            .count())
                    .isEqualTo(1);
            assertThat(meters.counter(MalformedFrameHandler.METRIC, "reason", "line_too_long")
                            .count())
                    .isEqualTo(1);
        }
    }
}
