package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PbxCommands} sent as AMI actions to the simulator, their effects seen in the call events. */
class AmiPbxCommandsTest {

    private GatewayFixture fixture;
    private PbxCommands pbx;

    @BeforeEach
    void start() {
        fixture = GatewayFixture.start(SimulatorSettings.defaults().withTimeScale(20));
        pbx = fixture.gateway.commands();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void originateRingsTheAgentThenDialsTheCustomer() throws Exception {
        String actionId = pbx.originate("1002", "4930555551", "Switchboard <1002>", Map.of("SB_LEAD", "42"))
                .get(5, TimeUnit.SECONDS);

        assertThat(actionId).startsWith("sb-");
        await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.sink.ended().isEmpty());
        assertThat(fixture.sink.started()).singleElement().satisfies(started -> {
            assertThat(started.direction()).isEqualTo(CallDirection.OUTBOUND);
            assertThat(started.callee()).isEqualTo("4930555551");
        });
        assertThat(fixture.sink.of(CallAnswered.class))
                .extracting(CallAnswered::agent)
                .containsExactly("1002");
    }

    @Test
    void hangupEndsALiveCall() throws Exception {
        fixture.simulator.run(new QueueCallAnswered(
                QueueCallAnswered.example().caller(),
                "support",
                "1001",
                1,
                3600,
                io.switchboard.simulator.HangupBy.CALLER));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !fixture.sink.of(CallAnswered.class).isEmpty());
        String callerChannel = liveChannels().stream()
                .filter(name -> name.startsWith("IAX2/"))
                .findFirst()
                .orElseThrow();

        pbx.hangup(callerChannel).get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.sink.ended().size() == 1);
        assertThat(fixture.sink.ended().get(0).answeredBy()).isEqualTo("1001");
        assertThat(fixture.gateway.activeCalls()).isZero();
    }

    @Test
    void aFieldWithALineBreakIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(
                        () -> pbx.queuePause(null, "1001", true, "Break\r\nAction: Command\r\nCommand: core stop now"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("single line");
        assertThatThrownBy(() -> pbx.originate("1001", "123", null, java.util.Map.of("A", "x\ny")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fixture.simulator.stats().callsStarted()).isZero();
    }

    @Test
    void hangupOfAnUnknownChannelFailsWithThePbxReason() {
        assertThatThrownBy(() -> pbx.hangup("PJSIP/none-0001").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(PbxCommandException.class)
                .hasMessageContaining("No such channel");
    }

    @Test
    void queueMembershipAndPauseShowAsAgentStates() throws Exception {
        pbx.queueAdd("support", "1009", "Agent 1009", false).get(5, TimeUnit.SECONDS);
        pbx.queuePause("support", "1009", true, "lunch").get(5, TimeUnit.SECONDS);
        pbx.queuePause("support", "1009", false, null).get(5, TimeUnit.SECONDS);
        pbx.queueRemove("support", "1009").get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> states("1009").size() >= 4);
        assertThat(states("1009"))
                .extracting(AgentStateChanged::state)
                .containsExactly(AgentState.READY, AgentState.PAUSED, AgentState.READY, AgentState.LOGGED_OUT);
        assertThat(states("1009").get(1).pausedReason()).isEqualTo("lunch");
    }

    @Test
    void commandsFailClearlyWhileTheLinkIsDown() throws Exception {
        fixture.simulator.close();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.gateway.linkStatus().state() != LinkStatus.State.UP);

        assertThatThrownBy(() -> pbx.queuePause(null, "1001", true, "x").get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PbxCommandException.class)
                .hasMessageContaining("link is down");
    }

    /** Asks the PBX for its live channels the way an operator's tool would, over a second AMI session. */
    private java.util.List<String> liveChannels() throws Exception {
        var connection = new org.asteriskjava.manager.internal.ManagerConnectionImpl();
        connection.setHostname("127.0.0.1");
        connection.setPort(fixture.properties.port());
        connection.setUsername(fixture.properties.username());
        connection.setPassword(fixture.properties.secret());
        connection.login();
        try {
            var listing = connection.sendEventGeneratingAction(
                    new org.asteriskjava.manager.action.CoreShowChannelsAction(), 5_000);
            return listing.getEvents().stream()
                    .filter(e -> e instanceof org.asteriskjava.manager.event.CoreShowChannelEvent)
                    .map(e -> ((org.asteriskjava.manager.event.CoreShowChannelEvent) e).getChannel())
                    .toList();
        } finally {
            connection.logoff();
        }
    }

    private java.util.List<AgentStateChanged> states(String agent) {
        return fixture.sink.of(AgentStateChanged.class).stream()
                .filter(s -> s.agent().equals(agent))
                .toList();
    }
}
