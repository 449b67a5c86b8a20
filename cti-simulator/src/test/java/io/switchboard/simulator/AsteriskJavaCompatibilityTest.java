package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asterisk-Java 3.42 talks to the simulator exactly as to an Asterisk 22. */
class AsteriskJavaCompatibilityTest {

    private final SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(1000);
    private AmiSimulator simulator;
    private ManagerConnectionImpl connection;

    @BeforeEach
    void start() {
        simulator = new AmiSimulator(settings);
        simulator.start();
        connection = connection(settings.secret());
    }

    @AfterEach
    void stop() {
        if (connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
        simulator.close();
    }

    private ManagerConnectionImpl connection(String secret) {
        ManagerConnectionImpl c = new ManagerConnectionImpl();
        c.setHostname("127.0.0.1");
        c.setPort(simulator.port());
        c.setUsername(settings.username());
        c.setPassword(secret);
        return c;
    }

    @Test
    void logsInWithoutWaitingOutAProbeTimeoutAndRecognisesAsterisk22() throws Exception {
        long started = System.nanoTime();
        connection.login();

        // Asterisk-Java waits seconds for answers it does not get; a loaded CI machine takes well under this bound
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(connection.getVersion()).isEqualTo(AsteriskVersion.ASTERISK_22);
        assertThat(connection.getProtocolIdentifier()).isEqualTo("Asterisk Call Manager/11.0.0");
    }

    @Test
    void answersPing() throws Exception {
        connection.login();

        ManagerResponse pong = connection.sendAction(new PingAction());

        assertThat(pong.getResponse()).isEqualTo("Success");
        assertThat(pong.getAttribute("ping")).isEqualTo("Pong");
    }

    @Test
    void rejectsAWrongSecretWithAuthenticationFailed() {
        ManagerConnectionImpl wrong = connection("not-the-secret");

        assertThatThrownBy(wrong::login).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void reportsAnUnknownActionAsAnError() throws Exception {
        connection.login();

        ManagerResponse response = connection.sendAction(new AbstractManagerAction() {
            @Override
            public String getAction() {
                return "Frobnicate";
            }
        });

        assertThat(response).isInstanceOf(ManagerError.class);
        assertThat(response.getMessage()).startsWith("Invalid/unknown command: Frobnicate.");
    }

    @Test
    void listsTheChannelsOfACallInProgress() throws Exception {
        connection.login();
        CompletableFuture<SimulatedCall> call = simulator.run(new QueueCallAnswered(
                QueueCallAnswered.example().caller(), "support", "1001", 1, 60_000, HangupBy.AGENT));
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.stats().liveChannels() == 3);

        ResponseEvents channels = connection.sendEventGeneratingAction(new CoreShowChannelsAction());

        List<String> names = channels.getEvents().stream()
                .filter(CoreShowChannelEvent.class::isInstance)
                .map(e -> ((CoreShowChannelEvent) e).getChannel())
                .toList();
        assertThat(names).hasSize(3).anyMatch(name -> name.startsWith("IAX2/carrier-"));
        assertThat(call).isNotDone();
    }

    @Test
    void reportsQueuesAndMembersInQueueStatus() throws Exception {
        connection.login();

        ResponseEvents status = connection.sendEventGeneratingAction(new QueueStatusAction());

        assertThat(status.getEvents())
                .filteredOn(QueueParamsEvent.class::isInstance)
                .extracting(e -> ((QueueParamsEvent) e).getQueue())
                .containsExactly("support", "sales");
        assertThat(status.getEvents())
                .filteredOn(QueueMemberEvent.class::isInstance)
                .extracting(e -> ((QueueMemberEvent) e).getLocation())
                .contains("Local/1001@agent-sim/n", "Local/1005@agent-sim/n");
    }

    @Test
    void originatesAClickToDialCallAndReportsItsResponse() throws Exception {
        List<ManagerEvent> events = new CopyOnWriteArrayList<>();
        connection.addEventListener(events::add);
        connection.login();
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/1002@agent-sim");
        originate.setContext("to-carrier");
        originate.setExten("4930555551");
        originate.setPriority(1);
        originate.setCallerId("Agent 1002 <1002>");
        originate.setAsync(true);
        originate.setTimeout(30_000L);

        ManagerResponse queued = connection.sendAction(originate, 5_000);

        assertThat(queued.getResponse()).isEqualTo("Success");
        assertThat(queued.getMessage()).isEqualTo("Originate successfully queued");
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> events.stream().anyMatch(OriginateResponseEvent.class::isInstance));
        OriginateResponseEvent response = (OriginateResponseEvent) events.stream()
                .filter(OriginateResponseEvent.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(response.getResponse()).isEqualTo("Success");
        assertThat(response.getChannel()).startsWith("Local/1002@agent-sim-").endsWith(";1");
    }
}
