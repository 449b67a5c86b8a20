package io.switchboard.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.activity.ActivityRecorder;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.AmiProperties;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEventSink;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatedCall;
import io.switchboard.simulator.SimulatorSettings;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import io.switchboard.testing.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Links spread over nodes: a node above its share of PBX links hands one over to a node below its share (one that
 * started late), gracefully (the call log loses no call and doubles none) and without flapping.
 */
@PostgresTest
class LinkRebalanceTest {

    private static final Duration TTL = Duration.ofSeconds(1);
    private static final Duration REBALANCE_AFTER = Duration.ofSeconds(1);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    ActivityRecorder callLog;

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
    void aNodeAboveItsShareHandsOneLinkOverOnlyOnceAnotherNodeWasBelowItsShareForTheRebalanceTime() {
        TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
        Duration longTtl = Duration.ofMinutes(5); // nothing expires while the test clock moves by seconds
        LeaseLinkOwnership a = new LeaseLinkOwnership(named, clock, "a", longTtl, Duration.ofSeconds(3));
        LeaseLinkOwnership b = new LeaseLinkOwnership(named, clock, "b", longTtl, Duration.ofSeconds(3));
        open.add(a);
        open.add(b);
        assertThat(a.tryAcquire("east")).isTrue();
        assertThat(a.tryAcquire("west")).as("alone, both links are a's share").isTrue();
        assertThat(a.shouldHandOver("east")).as("no other node").isFalse();

        b.renew("nothing"); // b's heartbeat: two nodes, a share of one link each, and b holds none
        assertThat(a.shouldHandOver("east")).as("uneven only since now").isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(a.shouldHandOver("east")).as("uneven for 2 s of 3").isFalse();
        clock.advance(Duration.ofMillis(1_100));
        assertThat(a.shouldHandOver("east")).as("uneven for 3.1 s").isTrue();
        assertThat(a.shouldHandOver("west")).as("one link per rebalance time").isFalse();

        a.release("east");
        assertThat(a.tryAcquire("east"))
                .as("a is at its share: it does not take the link back")
                .isFalse();
        assertThat(b.tryAcquire("east")).as("b is below its share").isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(a.shouldHandOver("west")).as("a at its share").isFalse();
        assertThat(b.shouldHandOver("east")).as("b at its share").isFalse();
    }

    @Test
    void aNodeAtItsShareKeepsItsLinkWhileAnotherNodeHasNone() {
        TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
        Duration longTtl = Duration.ofMinutes(5);
        LeaseLinkOwnership a = new LeaseLinkOwnership(named, clock, "a", longTtl, Duration.ofSeconds(3));
        LeaseLinkOwnership b = new LeaseLinkOwnership(named, clock, "b", longTtl, Duration.ofSeconds(3));
        LeaseLinkOwnership c = new LeaseLinkOwnership(named, clock, "c", longTtl, Duration.ofSeconds(3));
        open.addAll(List.of(a, b, c));
        b.renew("nothing");
        c.renew("nothing");
        assertThat(a.tryAcquire("east")).isTrue();
        assertThat(b.tryAcquire("west")).isTrue();

        // three nodes, two links: a share of ceil(2 / 3) = 1; c has none, but nobody is above the share
        for (int i = 0; i < 5; i++) {
            assertThat(a.shouldHandOver("east")).isFalse();
            assertThat(b.shouldHandOver("west")).isFalse();
            clock.advance(Duration.ofSeconds(2));
        }
    }

    @Test
    void aNodeThatStartsLateGetsALinkWithinSecondsAndCallsDuringTheMoveAreLoggedOnceEach() throws Exception {
        AmiSimulator east = simulator();
        AmiSimulator west = simulator();
        Node a = node("a");
        AmiGateway aEast = a.link("east", east);
        AmiGateway aWest = a.link("west", west);
        await().atMost(Duration.ofSeconds(10)).until(() -> up(aEast) + up(aWest) == 2);

        // calls on both PBXes all along, before, during and after the move: one every 150 ms, each about 1.5 s long
        List<CompletableFuture<SimulatedCall>> calls = new ArrayList<>();
        long callsUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < callsUntil) {
            calls.add(call(east, calls.size()));
            calls.add(call(west, calls.size()));
            Thread.sleep(150);
        }
        Node b = node("b");
        long joined = System.nanoTime();
        AmiGateway bEast = b.link("east", east);
        AmiGateway bWest = b.link("west", west);
        while (up(bEast) + up(bWest) == 0) {
            calls.add(call(east, calls.size()));
            calls.add(call(west, calls.size()));
            Thread.sleep(150);
            assertThat(System.nanoTime() - joined)
                    .as("b gets a link within 8 s of starting")
                    .isLessThan(TimeUnit.SECONDS.toNanos(8));
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - joined);
        long callsAfter = System.nanoTime() + TimeUnit.SECONDS.toNanos(4); // past the handover's overlap
        while (System.nanoTime() < callsAfter) {
            calls.add(call(east, calls.size()));
            calls.add(call(west, calls.size()));
            Thread.sleep(150);
        }
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            // placed alternately on east and west
            String pbx = i % 2 == 0 ? "east:" : "west:";
            placed.add(pbx + calls.get(i).orTimeout(30, TimeUnit.SECONDS).join().linkedid());
        }

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(loggedCallIds())
                        .as("one activity for each call, none lost, none twice")
                        .containsExactlyInAnyOrderElementsOf(placed));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(List.of(aEast, aWest, bEast, bWest))
                        .as("calls followed per link and node once every call ended: the node that handed a link"
                                + " over forgot the calls it left to the new owner")
                        .extracting(AmiGateway::activeCalls)
                        .containsOnly(0));
        assertThat(owned(aEast) + owned(aWest)).as("links a kept").isEqualTo(1);
        assertThat(owned(bEast) + owned(bWest)).as("links b got").isEqualTo(1);
        assertThat(up(aEast) + up(bEast)).as("east read by one node").isEqualTo(1);
        assertThat(up(aWest) + up(bWest)).as("west read by one node").isEqualTo(1);
        assertThat(east.stats().sessions()).as("AMI sessions on east").isEqualTo(1);
        assertThat(west.stats().sessions()).as("AMI sessions on west").isEqualTo(1);
        assertThat(List.of(aEast, aWest, bEast, bWest))
                .as("logins per link and node: a once to each, b once to the one it got (no link moved back)")
                .extracting(gateway -> gateway.linkStatus().connects())
                .containsExactlyInAnyOrderElementsOf(List.of(1L, 1L, 1L, 0L));
        Map<String, Long> started = countBy(a.events.ofType(CallStarted.class), CallStarted::callId);
        started.putAll(countBy(b.events.ofType(CallStarted.class), CallStarted::callId));
        assertThat(started.keySet()).as("every call was followed").containsAll(placed);
        System.out.printf("b got a link %d ms after it started; %d calls%n", tookMillis, placed.size());
    }

    @Test
    void aLinkNoOtherNodeTakesUpStaysWithItsOwnerWhichNeverLogsOff() {
        AmiSimulator east = simulator();
        AmiSimulator west = simulator();
        Node a = node("a");
        AmiGateway aEast = a.link("east", east);
        AmiGateway aWest = a.link("west", west);
        await().atMost(Duration.ofSeconds(10)).until(() -> up(aEast) + up(aWest) == 2);

        // b is alive (its heartbeat) and below its share, but reads no PBX: it never takes the link a gives up
        LeaseLinkOwnership b = new LeaseLinkOwnership(named, Clock.systemUTC(), "b", TTL, REBALANCE_AFTER);
        open.add(b);
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
        open.add(heartbeat::shutdownNow);
        heartbeat.scheduleAtFixedRate(() -> b.renew("nothing"), 0, 200, TimeUnit.MILLISECONDS);

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> linksHeldBy("a") == 1); // a gave one link up
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> linksHeldBy("a") == 2); // and took it back when nobody took it

        assertThat(List.of(aEast, aWest))
                .as("a read both PBXes all along: one login each, still up")
                .allMatch(gateway -> gateway.linkStatus().connects() == 1
                        && gateway.linkStatus().state() == LinkStatus.State.UP
                        && gateway.ownsLink());
        assertThat(east.stats().sessions()).isEqualTo(1);
        assertThat(west.stats().sessions()).isEqualTo(1);
    }

    private int linksHeldBy(String holder) {
        Integer held = jdbc.queryForObject(
                "select count(*) from dialer_lease where name like 'ami-link:%' and holder = ? and expires_at > now()",
                Integer.class, holder);
        return held == null ? 0 : held;
    }

    private List<String> loggedCallIds() {
        return jdbc.queryForList("select call_id from activities", String.class);
    }

    private static <T> Map<String, Long> countBy(List<T> events, Function<T, String> key) {
        return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static CompletableFuture<SimulatedCall> call(AmiSimulator pbx, int n) {
        return pbx.run(new QueueCallAnswered(
                new Caller(String.format("+49301%06d", n), "Caller " + n, "500"),
                "support",
                "1001",
                0.3,
                1.2,
                HangupBy.AGENT));
    }

    private static int up(AmiGateway gateway) {
        return gateway.linkStatus().state() == LinkStatus.State.UP ? 1 : 0;
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

    private Node node(String name) {
        LeaseLinkOwnership ownership = new LeaseLinkOwnership(named, Clock.systemUTC(), name, TTL, REBALANCE_AFTER);
        open.add(ownership);
        return new Node(ownership, new Events(callLog));
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
            SimulatorSettings settings = SimulatorSettings.defaults();
            AmiGateway gateway = new AmiGateway(
                    pbx,
                    ownership,
                    AmiProperties.forLocal(simulator.port(), settings.username(), settings.secret()),
                    CallTrackerSettings.defaults(),
                    events,
                    new SimpleMeterRegistry());
            open.add(gateway);
            return gateway.start();
        }
    }

    /** What a node's trackers published; its ended calls go to the one call log, as each node's recorder would. */
    private static final class Events implements CallEventSink {
        private final List<CallEvent> events = new CopyOnWriteArrayList<>();
        private final ActivityRecorder callLog;

        Events(ActivityRecorder callLog) {
            this.callLog = callLog;
        }

        @Override
        public void publish(CallEvent event) {
            events.add(event);
            if (event instanceof CallEnded ended) {
                callLog.record(ended);
            }
        }

        <T extends CallEvent> List<T> ofType(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
