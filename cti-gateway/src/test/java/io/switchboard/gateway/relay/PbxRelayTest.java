package io.switchboard.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.ami.AmiProperties;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.ami.PbxLinks;
import io.switchboard.gateway.ami.PbxLinksProperties;
import io.switchboard.gateway.call.CallHandles.CallHandle;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.DialRequest;
import io.switchboard.gateway.call.LinkOwnership;
import io.switchboard.gateway.call.PbxCallIds;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.call.PbxNotOwnedException;
import io.switchboard.gateway.cluster.ClusterMetrics;
import io.switchboard.gateway.cluster.InProcessClusterBus;
import io.switchboard.gateway.cluster.NodeId;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatedCall;
import io.switchboard.simulator.SimulatorSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' gateways on one simulated PBX over real TCP and one in-process cluster bus: the owner holds the link,
 * the other node's commands are relayed to it and act on the PBX, its refusals come back word for word, and with no
 * owner answering the command fails at the timeout naming the PBX, a later answer dropped and counted.
 */
class PbxRelayTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final InProcessClusterBus.Hub hub = new InProcessClusterBus.Hub();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private AmiSimulator simulator;
    private AmiProperties ami;

    @BeforeEach
    void simulator() {
        SimulatorSettings settings = SimulatorSettings.defaults();
        simulator = new AmiSimulator(settings);
        ami = AmiProperties.forLocal(simulator.start(), settings.username(), settings.secret());
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        simulator.close();
    }

    @Test
    void everyKindOfCommandFromTheNodeWithoutTheLinkActsOnTheOwnersPbx() throws Exception {
        Node owner = node("owner", true);
        Node other = node("other", false);
        owner.awaitUp();
        PbxCommands relayed = other.pbxes.commands(PbxCallIds.DEFAULT_PBX);

        long started = simulator.stats().callsStarted();
        assertThat(relayed.originate("1001", "+4930999000", null, Map.of("SWITCHBOARD_USER", "alice"))
                        .get(5, TimeUnit.SECONDS))
                .startsWith("sb-");
        assertThat(relayed.dial(DialRequest.toQueue("+4930999001", null, "sales", Duration.ofSeconds(20), Map.of()))
                        .get(5, TimeUnit.SECONDS))
                .startsWith("sb-");
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().callsStarted() >= started + 2);

        relayed.queueAdd("sales", "1009", "Nine", false).get(5, TimeUnit.SECONDS);
        relayed.queuePause("sales", "1009", true, "lunch").get(5, TimeUnit.SECONDS);
        relayed.queueRemove("sales", "1009").get(5, TimeUnit.SECONDS);
        assertThat(catchThrowable(() -> relayed.queueRemove("sales", "1009").join()))
                .as("removed on the PBX: a second removal is refused there")
                .hasRootCauseMessage("QueueRemove refused by the PBX: Unable to remove interface: Not there");

        // 1001 talks on the click-to-dial call, the dialled customer goes to sales: 1002 takes a support call
        CompletableFuture<SimulatedCall> call = simulator.run(new QueueCallAnswered(
                new Caller("+4930555000", "Caller", "500"), "support", "1002", 1, 1e6, HangupBy.AGENT));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> owner.links.primary().handles().ofAgent("1002").isPresent());
        assertThat(other.links.primary().handles().ofAgent("1002"))
                .as("the other node's own tracker reads nothing")
                .isEmpty();

        CallHandle handle = other.pbxes.callOf("1002").get(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(handle)
                .isEqualTo(owner.links.primary().handles().ofAgent("1002").orElseThrow());
        assertThat(other.pbxes.callOf("default:1002").get(5, TimeUnit.SECONDS))
                .as("an agent named with its PBX is looked up on that PBX")
                .contains(handle);
        other.pbxes
                .commandsForCall(handle.callId())
                .transfer(handle.customerChannel(), "1003")
                .get(5, TimeUnit.SECONDS);
        assertThat(call.get(20, TimeUnit.SECONDS).answeredBy()).contains("1003");
        assertThat(other.counter("switchboard.cluster.commands", "command", "Transfer", "outcome", "done"))
                .isEqualTo(1);
        assertThat(owner.counter("switchboard.cluster.commands.served", "command", "Transfer", "outcome", "done"))
                .isEqualTo(1);
    }

    @Test
    void anAttendedTransferIsConsultedAndCancelledThroughTheNodeWithoutTheLink() throws Exception {
        Node owner = node("owner", true);
        Node other = node("other", false);
        owner.awaitUp();
        simulator.run(new QueueCallAnswered(
                new Caller("+4930555001", "Caller", "500"), "support", "1001", 1, 1e6, HangupBy.AGENT));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> owner.links.primary().handles().ofAgent("1001").isPresent());
        CallHandle handle = other.pbxes.callOf("1001").get(5, TimeUnit.SECONDS).orElseThrow();
        PbxCommands relayed = other.pbxes.commandsForCall(handle.callId());

        assertThat(catchThrowable(
                        () -> relayed.cancelConsultation(handle.agentChannel()).join()))
                .as("no consultation yet: the PBX refuses")
                .hasRootCauseMessage("CancelAtxfer refused by the PBX: Unable to cancel attended transfer");
        relayed.consult(handle.agentChannel(), "1002").get(5, TimeUnit.SECONDS);
        // the PBX cancels only a consultation it is running: this one was started by the relayed Atxfer
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            relayed.cancelConsultation(handle.agentChannel()).get(5, TimeUnit.SECONDS);
            return true;
        });
        assertThat(owner.counter("switchboard.cluster.commands.served", "command", "Consult", "outcome", "done"))
                .isEqualTo(1);
    }

    @Test
    void aRefusalComesBackAsTheSameExceptionWithThePbxsReason() {
        Node owner = node("owner", true);
        Node other = node("other", false);
        owner.awaitUp();

        Throwable local = catchThrowable(() -> owner.pbxes
                .commandsForAgent("1001")
                .queuePause("nosuchqueue", "1001", true, "x")
                .join());
        Throwable relayed = catchThrowable(() -> other.pbxes
                .commandsForAgent("1001")
                .queuePause("nosuchqueue", "1001", true, "x")
                .join());

        assertThat(local).isInstanceOf(CompletionException.class).hasCauseExactlyInstanceOf(PbxCommandException.class);
        assertThat(relayed)
                .isInstanceOf(CompletionException.class)
                .hasCauseExactlyInstanceOf(PbxCommandException.class);
        assertThat(relayed.getCause().getMessage())
                .isEqualTo(local.getCause().getMessage())
                .contains("Interface not found");
        assertThat(other.counter("switchboard.cluster.commands", "command", "QueuePause", "outcome", "refused"))
                .isEqualTo(1);
    }

    @Test
    void withNoOwnerAnsweringTheCommandFailsAtTheTimeoutNamingThePbxAndALateAnswerIsDroppedAndCounted() {
        Node other = node("other", false);
        // another node on the bus that hears the requests but answers only when this test says
        InProcessClusterBus silent = new InProcessClusterBus(
                new NodeId("silent"), hub, new ClusterMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));
        closing.add(silent);
        List<PbxRequest> heard = new CopyOnWriteArrayList<>();
        silent.subscribe(PbxRelay.REQUESTS, heard::add);

        long asked = System.nanoTime();
        Throwable failure = catchThrowable(() ->
                other.pbxes.commandsForAgent("1001").hangup("PJSIP/1001-0001").join());
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);

        assertThat(failure).hasCauseExactlyInstanceOf(PbxNotOwnedException.class);
        assertThat(((PbxNotOwnedException) failure.getCause()).pbx()).isEqualTo(PbxCallIds.DEFAULT_PBX);
        assertThat(failure.getCause()).hasMessageContaining("PBX 'default'").hasMessageContaining("500 ms");
        assertThat(waitedMillis).isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + 2_000);
        assertThat(other.counter("switchboard.cluster.commands", "command", "Hangup", "outcome", "timeout"))
                .isEqualTo(1);

        PbxRequest request = heard.get(0);
        assertThat(request.command()).isEqualTo(new PbxCommand.Hangup("PJSIP/1001-0001"));
        assertThat(request.from()).isEqualTo("other");
        silent.publish(
                PbxRelay.REPLIES,
                new PbxReply(
                        request.id(),
                        request.from(),
                        request.pbx(),
                        PbxReply.Outcome.DONE,
                        PbxReply.Result.NONE,
                        null));
        assertThat(other.counter("switchboard.cluster.commands.late")).isEqualTo(1);
        assertThat(other.relay.waiting()).isZero();
    }

    @Test
    void everyCommandCrossesTheWireAsItWasGiven() {
        List<PbxCommand<?>> commands = List.of(
                new PbxCommand.Originate("1001", "+4930123", "Sales <+4930100>", Map.of("SWITCHBOARD_USER", "a")),
                new PbxCommand.Dial(
                        DialRequest.toQueue("+4930124", null, "campaign", Duration.ofSeconds(25), Map.of())),
                new PbxCommand.Hangup("PJSIP/1001-1"),
                new PbxCommand.Redirect("PJSIP/1001-1", "transfer", "1003"),
                new PbxCommand.Transfer("PJSIP/1001-1", "sales"),
                new PbxCommand.Consult("PJSIP/1001-1", "1002"),
                new PbxCommand.CancelConsultation("PJSIP/1001-1"),
                new PbxCommand.QueueAdd("sales", "1001", "Ann", true),
                new PbxCommand.QueueRemove("sales", "1001"),
                new PbxCommand.QueuePause(null, "1001", false, null),
                new PbxCommand.FindCall("1001"));
        for (PbxCommand<?> command : commands) {
            PbxRequest request = new PbxRequest("id-1", "east", "node-a", command);
            assertThat(PbxRelay.REQUESTS.decode(PbxRelay.REQUESTS.encode(request)))
                    .isEqualTo(request);
        }
        PbxReply reply = new PbxReply(
                "id-1",
                "node-a",
                "east",
                PbxReply.Outcome.DONE,
                new PbxReply.Result(null, new CallHandle("east:1.2", "1001", "PJSIP/a-1", "Local/1001@agent-sim-1;2")),
                null);
        assertThat(PbxRelay.REPLIES.decode(PbxRelay.REPLIES.encode(reply))).isEqualTo(reply);
    }

    private Node node(String name, boolean owns) {
        Node node = new Node(name, owns);
        closing.add(node);
        return node;
    }

    /** One application node's gateway part: its PBX link (owned or not), the relay and the owner's side. */
    private final class Node implements AutoCloseable {
        final MeterRegistry registry = new SimpleMeterRegistry();
        final InProcessClusterBus bus;
        final PbxLinks links;
        final PbxRelay relay;
        final OwnerSide ownerSide;
        final RoutedPbxes pbxes;

        Node(String name, boolean owns) {
            bus = new InProcessClusterBus(new NodeId(name), hub, new ClusterMetrics(registry, Clock.systemUTC()));
            links = new PbxLinks(
                            ami,
                            new PbxLinksProperties(List.of()),
                            owns ? LinkOwnership.sole() : neverOwner(),
                            CallTrackerSettings.defaults(),
                            event -> {},
                            registry)
                    .start();
            RelayMetrics metrics = new RelayMetrics(registry);
            relay = new PbxRelay(bus, TIMEOUT, metrics);
            ownerSide = new OwnerSide(bus, links, metrics);
            pbxes = new RoutedPbxes(links, relay);
        }

        void awaitUp() {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> links.primary().linkStatus().state() == LinkStatus.State.UP
                            && counter("switchboard.calls.resyncs") >= 1);
        }

        double counter(String name, String... tags) {
            Counter counter = registry.find(name).tags(tags).counter();
            return counter == null ? 0 : counter.count();
        }

        @Override
        public void close() {
            ownerSide.close();
            relay.close();
            links.close();
            bus.close();
        }
    }

    /** A node that never gets the link: another one holds it. */
    private static LinkOwnership neverOwner() {
        return new LinkOwnership() {
            @Override
            public boolean tryAcquire(String link) {
                return false;
            }

            @Override
            public boolean renew(String link) {
                return false;
            }

            @Override
            public void release(String link) {}

            @Override
            public Duration renewEvery() {
                return Duration.ofMillis(200);
            }
        };
    }
}
