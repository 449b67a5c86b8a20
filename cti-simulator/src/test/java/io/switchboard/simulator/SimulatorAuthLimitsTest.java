package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Asterisk's {@code authtimeout} and {@code authlimit}, over real TCP: connections that do not log in are closed
 * after the timeout however busy they are, and past the limit of waiting ones a new connection is closed before
 * its banner; logged-in sessions are not affected.
 */
class SimulatorAuthLimitsTest {

    private final SimulatorSettings settings = SimulatorSettings.defaults();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<RawAmiClient> clients = new ArrayList<>();
    private AmiSimulator simulator;

    @AfterEach
    void stop() throws IOException {
        for (RawAmiClient client : clients) {
            client.close();
        }
        simulator.close();
    }

    @Test
    void asteriskDefaultsAreThirtySecondsAndFifty() {
        assertThat(AuthLimits.ASTERISK_DEFAULTS).isEqualTo(new AuthLimits(Duration.ofSeconds(30), 50));
        simulator = new AmiSimulator(settings);
    }

    @Test
    void aConnectionThatDoesNotLogInIsClosedAtTheAuthTimeoutEvenWhileSending() throws IOException {
        int port = start(new AuthLimits(Duration.ofMillis(500), 50));
        RawAmiClient silent = connect(port);
        RawAmiClient chatty = connect(port);
        assertThat(silent.banner()).startsWith("Asterisk Call Manager/");

        long began = System.nanoTime();
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!chatty.closedByServer()) {
                        chatty.send("Action: Ping");
                    }
                    return silent.closedByServer() && chatty.closedByServer();
                });

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(simulator.authTimeouts()).isEqualTo(2);
        assertThat(simulator.unauthenticatedSessions()).isZero();
        assertThat(registry.get("switchboard.simulator.sessions.refused")
                        .tag("reason", "authtimeout")
                        .functionCounter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aLoggedInSessionOutlivesTheAuthTimeout() throws IOException {
        int port = start(new AuthLimits(Duration.ofMillis(500), 50));
        RawAmiClient session = RawAmiClient.loggedIn(port, settings);
        clients.add(session);
        RawAmiClient stranger = connect(port);

        // the stranger connected after the session logged in: once it is dropped, the session's deadline has passed
        await().atMost(Duration.ofSeconds(5)).until(stranger::closedByServer);

        assertThat(session.action("still-there", "Action: Ping").get("Response"))
                .contains("Success");
        assertThat(session.closedByServer()).isFalse();
        assertThat(simulator.authTimeouts()).isEqualTo(1);
    }

    @Test
    void pastTheAuthLimitANewConnectionIsClosedBeforeItsBanner() throws IOException {
        int port = start(new AuthLimits(Duration.ofSeconds(30), 3));
        List<RawAmiClient> waiting = List.of(connect(port), connect(port), connect(port));
        waiting.forEach(client -> assertThat(client.banner()).startsWith("Asterisk Call Manager/"));

        RawAmiClient refused = connect(port);
        await().atMost(Duration.ofSeconds(5)).until(refused::closedByServer);
        assertThat(refused.banner()).isNull();
        assertThat(simulator.refusedOverAuthLimit()).isEqualTo(1);
        assertThat(simulator.unauthenticatedSessions()).isEqualTo(3);

        // one of them logs in: room for one more
        RawAmiClient first = waiting.get(0);
        first.send("Action: Login", "Username: " + settings.username(), "Secret: " + settings.secret(), "ActionID: l");
        assertThat(first.awaitFrame(f -> f.get("ActionID").orElse("").equals("l"))
                        .get("Response"))
                .contains("Success");
        RawAmiClient admitted = connect(port);
        assertThat(admitted.banner()).startsWith("Asterisk Call Manager/");
        assertThat(admitted.closedByServer()).isFalse();
        assertThat(simulator.unauthenticatedSessions()).isEqualTo(3);
    }

    private int start(AuthLimits limits) {
        simulator = new AmiSimulator(settings, registry, limits);
        return simulator.start();
    }

    private RawAmiClient connect(int port) throws IOException {
        RawAmiClient client = new RawAmiClient(port);
        clients.add(client);
        return client;
    }
}
