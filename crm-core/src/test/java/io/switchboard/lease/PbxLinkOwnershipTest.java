package io.switchboard.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.AmiProperties;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEventSink;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.LinkOwnership;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatedCall;
import io.switchboard.simulator.SimulatorSettings;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Several nodes (gateways with their own lease holder) on one PostgreSQL and simulated PBXes over real TCP: each link
 * is read by exactly one node, and when that node goes another takes the link over within 5 s.
 */
@PostgresTest
class PbxLinkOwnershipTest {

    /** Fast, so a node that died without a word is replaced quickly; the default is 3 s. */
    private static final Duration TTL = Duration.ofSeconds(1);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void clean() {
        Database.clear(jdbc);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void eachOfTwoPbxesIsReadByExactlyOneOfTwoNodes() {
        AmiSimulator east = simulator();
        AmiSimulator west = simulator();
        Node a = node("a");
        Node b = node("b");
        a.ownership.renew("nothing"); // both nodes are alive before either takes a link: they split the two
        b.ownership.renew("nothing");
        AmiGateway aEast = a.link("east", east);
        AmiGateway aWest = a.link("west", west);
        AmiGateway bEast = b.link("east", east);
        AmiGateway bWest = b.link("west", west);

        await().atMost(Duration.ofSeconds(10)).until(() -> up(aEast) + up(bEast) == 1 && up(aWest) + up(bWest) == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> standby(aEast) + standby(bEast) == 1 && standby(aWest) + standby(bWest) == 1);

        assertThat(east.stats().sessions()).as("AMI sessions on the east PBX").isEqualTo(1);
        assertThat(west.stats().sessions()).as("AMI sessions on the west PBX").isEqualTo(1);
        assertThat(owned(aEast) + owned(aWest)).as("links node a owns").isEqualTo(1);
        assertThat(owned(bEast) + owned(bWest)).as("links node b owns").isEqualTo(1);
    }

    @Test
    void aNodeHoldingItsShareLeavesTheNextLinkToANodeWithout() {
        LeaseLinkOwnership a = ownership("a");
        LeaseLinkOwnership b = ownership("b");
        assertThat(a.tryAcquire("east")).isTrue();
        b.renew("nothing"); // b's heartbeat: two live nodes, two links, a share of one each

        assertThat(a.tryAcquire("west")).as("a holds its share already").isFalse();
        assertThat(b.tryAcquire("west")).isTrue();
        assertThat(a.tryAcquire("west")).as("held by b").isFalse();
        assertThat(a.renew("east")).isTrue();
    }

    @Test
    void aNodeLeavingAtAGracefulStopMakesRoomForItsLinksOnTheOthersAtOnce() {
        LeaseLinkOwnership a = ownership("a");
        LeaseLinkOwnership b = ownership("b");
        assertThat(a.tryAcquire("east")).isTrue();
        b.renew("nothing");
        assertThat(b.tryAcquire("west")).isTrue(); // b holds its share: one of two links with two nodes alive
        assertThat(a.othersAlive()).isTrue();

        a.leave();
        a.release("east");

        assertThat(b.heldByAnother("east")).isFalse();
        assertThat(a.tryAcquire("east")).as("a node that left takes no link").isFalse();
        assertThat(b.tryAcquire("east")).as("b alone: both links are its share").isTrue();
        assertThat(a.heldByAnother("east")).isTrue();
        assertThat(b.othersAlive()).isFalse();
    }

    @Test
    void whenTheOwnerStopsMidCallAnotherNodeTakesTheLinkWithinFiveSecondsAndTheCallEndsOnce() {
        AmiSimulator pbx = simulator();
        Node a = node("a");
        AmiGateway aLink = a.link("east", pbx);
        await().atMost(Duration.ofSeconds(10)).until(() -> up(aLink) == 1);
        Node b = node("b");
        AmiGateway bLink = b.link("east", pbx);
        await().atMost(Duration.ofSeconds(10)).until(() -> standby(bLink) == 1);

        CompletableFuture<SimulatedCall> call = pbx.run(new QueueCallAnswered(
                new Caller("+4930123456", "Alice Example", "500"), "support", "1001", 1, 6, HangupBy.AGENT));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !a.events.ofType(CallAnswered.class).isEmpty());
        String callId = a.events.ofType(CallAnswered.class).get(0).callId();
        assertThat(callId).startsWith("east:");

        long stopped = System.nanoTime();
        aLink.close(); // the owner's node shuts down mid-call
        await().atMost(Duration.ofSeconds(5)).until(() -> up(bLink) == 1);
        long tookOverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);

        String linkedid = call.orTimeout(30, TimeUnit.SECONDS).join().linkedid();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !b.events.ofType(CallEnded.class).isEmpty());
        assertThat(callId).isEqualTo("east:" + linkedid);
        assertThat(a.events.ofType(CallEnded.class))
                .as("ends the old owner saw")
                .isEmpty();
        assertThat(b.events.ofType(CallEnded.class))
                .extracting(CallEnded::callId)
                .as("the call ends once, on the new owner")
                .containsExactly(callId);
        assertThat(pbx.stats().sessions()).isEqualTo(1);
        assertThat(tookOverMillis).isLessThan(5_000);
    }

    @Test
    void whenTheOwnerDiesWithoutReleasingItsLeaseAnotherNodeTakesTheLinkWithinFiveSeconds() {
        AmiSimulator pbx = simulator();
        Node a = node("a");
        AmiGateway aLink = a.link("east", pbx, new Crashing(a.ownership));
        await().atMost(Duration.ofSeconds(10)).until(() -> up(aLink) == 1);
        Node b = node("b");
        AmiGateway bLink = b.link("east", pbx);
        await().atMost(Duration.ofSeconds(10)).until(() -> standby(bLink) == 1);

        aLink.close(); // logs off but, like a crashed process, never gives the lease back
        await().atMost(Duration.ofSeconds(5)).until(() -> up(bLink) == 1);

        assertThat(pbx.stats().sessions()).isEqualTo(1);
    }

    private static int up(AmiGateway gateway) {
        return gateway.linkStatus().state() == LinkStatus.State.UP ? 1 : 0;
    }

    private static int standby(AmiGateway gateway) {
        return gateway.linkStatus().state() == LinkStatus.State.STANDBY ? 1 : 0;
    }

    private static int owned(AmiGateway gateway) {
        return gateway.ownsLink() ? 1 : 0;
    }

    private AmiSimulator simulator() {
        AmiSimulator simulator = new AmiSimulator(SimulatorSettings.defaults());
        simulator.start();
        open.add(simulator);
        return simulator;
    }

    private LeaseLinkOwnership ownership(String name) {
        LeaseLinkOwnership ownership = new LeaseLinkOwnership(named, Clock.systemUTC(), name, TTL);
        open.add(ownership);
        return ownership;
    }

    private Node node(String name) {
        return new Node(ownership(name), new Events());
    }

    /** One application node: its lease holder and what its trackers published. */
    private final class Node {
        final LeaseLinkOwnership ownership;
        final Events events;

        Node(LeaseLinkOwnership ownership, Events events) {
            this.ownership = ownership;
            this.events = events;
        }

        AmiGateway link(String pbx, AmiSimulator simulator) {
            return link(pbx, simulator, ownership);
        }

        AmiGateway link(String pbx, AmiSimulator simulator, LinkOwnership owner) {
            SimulatorSettings settings = SimulatorSettings.defaults();
            AmiGateway gateway = new AmiGateway(
                    pbx,
                    owner,
                    AmiProperties.forLocal(simulator.port(), settings.username(), settings.secret()),
                    CallTrackerSettings.defaults(),
                    events,
                    new SimpleMeterRegistry());
            open.add(gateway);
            return gateway.start();
        }
    }

    private static final class Events implements CallEventSink {
        private final List<CallEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void publish(CallEvent event) {
            events.add(event);
        }

        <T extends CallEvent> List<T> ofType(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** A node that dies: it holds and renews its link's lease but never releases it. */
    private record Crashing(LinkOwnership ownership) implements LinkOwnership {
        @Override
        public boolean tryAcquire(String link) {
            return ownership.tryAcquire(link);
        }

        @Override
        public boolean renew(String link) {
            return ownership.renew(link);
        }

        @Override
        public void release(String link) {}

        @Override
        public Duration renewEvery() {
            return ownership.renewEvery();
        }
    }
}
