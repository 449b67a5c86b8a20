package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallTransferred;
import io.switchboard.gateway.call.CallEvent.TransferKind;
import io.switchboard.gateway.call.CallHandles.CallHandle;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatedCall;
import io.switchboard.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Call control through {@link PbxCommands} over AMI against the simulator, which plays Redirect, Atxfer and
 * CancelAtxfer as the recorded Asterisk 22 traces show, with the call tracker following: transfers reported once,
 * the path kept, the consulted agent's pop withdrawn when the consultation is cancelled.
 */
class CallControlOnSimulatorTest {

    private GatewayFixture fixture;
    private PbxCommands commands;

    @BeforeEach
    void start() {
        fixture = GatewayFixture.start(SimulatorSettings.defaults());
        commands = fixture.gateway.commands();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** A support call agent 1001 answers and would talk on for a long time. */
    private CompletableFuture<SimulatedCall> callOf1001(String number) {
        return fixture.simulator.run(new QueueCallAnswered(
                new Caller(number, "Caller " + number, "500"), "support", "1001", 1, 1e6, HangupBy.AGENT));
    }

    private CallHandle handleOf(String agent) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.gateway.handles().ofAgent(agent), h -> h.isPresent())
                .orElseThrow();
    }

    private static List<String> legs(CallEnded call) {
        return call.path().stream()
                .map(l -> l.queue() + "/" + l.agent() + (l.transferred() ? " transferred" : ""))
                .toList();
    }

    @Test
    void blindTransferToAnExtension() throws Exception {
        CompletableFuture<SimulatedCall> call = callOf1001("+4930555000");
        CallHandle handle = handleOf("1001");

        commands.transfer(handle.customerChannel(), "1003").get(5, TimeUnit.SECONDS);

        assertThat(call.get(20, TimeUnit.SECONDS).answeredBy()).contains("1003");
        await().until(() -> fixture.sink.ended().size() == 1);
        assertThat(fixture.sink.of(CallTransferred.class)).singleElement().satisfies(t -> {
            assertThat(t.fromAgent()).isEqualTo("1001");
            assertThat(t.target()).isEqualTo("1003");
            assertThat(t.kind()).isEqualTo(TransferKind.BLIND);
        });
        assertThat(legs(fixture.sink.ended().get(0))).containsExactly("support/1001 transferred", "null/1003");
    }

    @Test
    void blindTransferIntoAQueue() throws Exception {
        CompletableFuture<SimulatedCall> call = callOf1001("+4930555001");
        CallHandle handle = handleOf("1001");

        // Before the simulator knew queue targets this answered "Redirect failed" (a 502 on the desktop)
        commands.transfer(handle.customerChannel(), "sales").get(5, TimeUnit.SECONDS);

        // sales rings all its free members (1004, 1005); the first one answers, as in blind_transfer_redirect.ami
        assertThat(call.get(20, TimeUnit.SECONDS).answeredBy()).contains("1004");
        await().until(() -> fixture.sink.ended().size() == 1);
        assertThat(fixture.sink.of(CallTransferred.class)).singleElement().satisfies(t -> {
            assertThat(t.fromAgent()).isEqualTo("1001");
            assertThat(t.target()).isEqualTo("sales");
            assertThat(t.kind()).isEqualTo(TransferKind.BLIND);
        });
        assertThat(legs(fixture.sink.ended().get(0))).containsExactly("support/1001 transferred", "sales/1004");
    }

    @Test
    void attendedTransferConsultsThenCompletesWhenTheAgentLeaves() throws Exception {
        CompletableFuture<SimulatedCall> call = callOf1001("+4930555001");
        CallHandle handle = handleOf("1001");

        commands.consult(handle.agentChannel(), "1002").get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.sink.of(AgentRinging.class).stream()
                        .anyMatch(r -> r.agent().equals("1002")));
        assertThat(fixture.gateway.handles().ofAgent("1001"))
                .as("the consulting agent keeps the call")
                .isPresent();
        // the colleague answers the consultation (2 s), then the agent hangs up
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        commands.hangup(handle.agentChannel()).get(5, TimeUnit.SECONDS);

        assertThat(call.get(20, TimeUnit.SECONDS).answeredBy()).contains("1002");
        await().until(() -> fixture.sink.ended().size() == 1);
        assertThat(fixture.sink.of(CallTransferred.class)).singleElement().satisfies(t -> {
            assertThat(t.fromAgent()).isEqualTo("1001");
            assertThat(t.target()).isEqualTo("1002");
            assertThat(t.kind()).isEqualTo(TransferKind.ATTENDED);
        });
        CallEnded ended = fixture.sink.ended().get(0);
        assertThat(ended.finalAgent()).isEqualTo("1002");
        assertThat(legs(ended)).containsExactly("support/1001 transferred", "null/1002");
        assertThat(fixture.sink.started()).hasSize(1);
    }

    @Test
    void cancelledConsultationLeavesTheCallWithTheAgent() throws Exception {
        CompletableFuture<SimulatedCall> call = callOf1001("+4930555002");
        CallHandle handle = handleOf("1001");

        commands.consult(handle.agentChannel(), "1002").get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.sink.of(AgentRinging.class).stream()
                        .anyMatch(r -> r.agent().equals("1002")));
        commands.cancelConsultation(handle.agentChannel()).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.sink.of(AgentRingStopped.class).stream()
                        .anyMatch(s -> s.agent().equals("1002")));
        commands.hangup(handle.customerChannel()).get(5, TimeUnit.SECONDS);

        call.get(20, TimeUnit.SECONDS);
        await().until(() -> fixture.sink.ended().size() == 1);
        assertThat(fixture.sink.of(CallTransferred.class)).isEmpty();
        CallEnded ended = fixture.sink.ended().get(0);
        assertThat(ended.finalAgent()).isEqualTo("1001");
        assertThat(legs(ended)).containsExactly("support/1001");
    }
}
