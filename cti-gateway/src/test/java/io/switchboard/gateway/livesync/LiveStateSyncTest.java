package io.switchboard.gateway.livesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.call.CallEventSource;
import io.switchboard.gateway.cluster.CallEventRelay;
import io.switchboard.gateway.cluster.ClusterMetrics;
import io.switchboard.gateway.cluster.InProcessClusterBus;
import io.switchboard.gateway.cluster.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LiveStateSyncTest {

    private static final Instant T = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void aNodeThatJoinsLateGetsTheOwnersAgentsAndQueuesWithoutAnyNewChange() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ClusterMetrics metrics = new ClusterMetrics(registry, Clock.systemUTC());
        InProcessClusterBus.Hub hub = new InProcessClusterBus.Hub();
        try (CallEventBus ownerEvents = new CallEventBus(registry);
                InProcessClusterBus ownerBus = new InProcessClusterBus(new NodeId("owner"), hub, metrics);
                LiveStateSync owner = new LiveStateSync(ownerEvents, ownerBus, links("b", true), registry).start();
                CallEventRelay ownerRelay = new CallEventRelay(ownerEvents, ownerBus, 100)) {
            ownerEvents.publish(new AgentStateChanged(T, "b:1001", "b:support", AgentState.PAUSED, "lunch"));
            ownerEvents.publish(new AgentStateChanged(T, "b:1002", "b:support", AgentState.READY, null));
            ownerEvents.publish(
                    new AgentStateChanged(T.plusSeconds(1), "b:1002", "b:support", AgentState.LOGGED_OUT, null));
            ownerEvents.publish(new QueueChanged(T, "b:support", 2, T.minusSeconds(30)));

            List<CallEvent> seen = new CopyOnWriteArrayList<>();
            try (CallEventBus lateEvents = new CallEventBus(registry);
                    InProcessClusterBus lateBus = new InProcessClusterBus(new NodeId("late"), hub, metrics)) {
                lateEvents.subscribe(
                        "board",
                        CallEventSource.EVERY_NODE,
                        CallEventDelivery.inline(),
                        CallEventHandlers.none().on(CallEvent.class, seen::add));
                try (LiveStateSync late = new LiveStateSync(lateEvents, lateBus, links("b", false), registry).start()) {
                    await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 2);
                }
            }
            assertThat(seen)
                    .as("the owner's agents logged in and its queue; the agent who logged out is not news")
                    .containsExactlyInAnyOrder(
                            new AgentStateChanged(T, "b:1001", "b:support", AgentState.PAUSED, "lunch"),
                            new QueueChanged(T, "b:support", 2, T.minusSeconds(30)));
        }
    }

    @Test
    void theSnapshotReplacesWhatTheNodeBelievedAndClearsWhatTheOwnerNoLongerHas() {
        LiveStateBook view = LiveStateBook.ofView();
        view.apply(new AgentStateChanged(T, "b:1001", "b:support", AgentState.READY, null));
        view.apply(new AgentStateChanged(T, "b:1002", "b:support", AgentState.PAUSED, "lunch"));
        view.apply(new QueueChanged(T, "b:support", 3, T.minusSeconds(60)));
        view.apply(new AgentStateChanged(T, "c:1001", "c:support", AgentState.READY, null));
        LiveStateBook owner = LiveStateBook.ofTrackers();
        // the owner's listing carries the node's receipt time, earlier than the PBX's clock said before
        owner.apply(new AgentStateChanged(T.minusSeconds(5), "b:1001", "b:support", AgentState.ON_CALL, null));
        owner.apply(new AgentStateChanged(T.minusSeconds(5), "b:1003", "b:support", AgentState.READY, null));
        Instant asOf = owner.asOf("b");

        List<CallEvent> corrections =
                SnapshotMerge.corrections(view, "b", asOf, LinkSnapshot.of(owner, "b", "owner", null));

        assertThat(corrections)
                .as("1002 logged out and the queue emptied while nobody said so; PBX c is another owner's")
                .containsExactlyInAnyOrder(
                        new AgentStateChanged(T.minusSeconds(5), "b:1001", "b:support", AgentState.ON_CALL, null),
                        new AgentStateChanged(T.minusSeconds(5), "b:1003", "b:support", AgentState.READY, null),
                        new AgentStateChanged(asOf, "b:1002", "b:support", AgentState.LOGGED_OUT, null),
                        new QueueChanged(asOf, "b:support", 0, null));
        corrections.forEach(view::apply);
        assertThat(SnapshotMerge.corrections(view, "b", asOf, LinkSnapshot.of(owner, "b", "owner", null)))
                .as("merged once, the same snapshot changes nothing")
                .isEmpty();
    }

    @Test
    void hundredsOfAgentsGoInPartsThatEachFitOneNotification() {
        LiveStateBook owner = LiveStateBook.ofTrackers();
        for (int agent = 0; agent < 800; agent++) {
            for (String queue : List.of("b:support", "b:sales-and-renewals")) {
                owner.apply(new AgentStateChanged(
                        T.plusMillis(agent),
                        "b:" + (10000 + agent),
                        queue,
                        AgentState.PAUSED,
                        "a pause reason of thirty chars",
                        T.minusSeconds(agent)));
            }
        }
        owner.apply(new QueueChanged(T, "b:support", 12, T.minusSeconds(90)));

        List<LinkSnapshot> parts = LinkSnapshot.of(owner, "b", "node-with-a-long-name-0123456789", null);

        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts.stream()
                        .map(part -> LiveStateSync.SNAPSHOTS.encode(part).length())
                        .toList())
                .as("bytes of each part (a notification takes under 8,000 with the bus's header line)")
                .allMatch(bytes -> bytes < 7_800);
        List<LinkSnapshot> read = new ArrayList<>();
        parts.forEach(part -> read.add(LiveStateSync.SNAPSHOTS.decode(LiveStateSync.SNAPSHOTS.encode(part))));
        assertThat(SnapshotMerge.corrections(LiveStateBook.ofView(), "b", owner.asOf("b"), read))
                .hasSize(1601);
    }

    private static LiveStateSync.Links links(String pbx, boolean owned) {
        return new LiveStateSync.Links() {
            @Override
            public List<String> all() {
                return List.of(pbx);
            }

            @Override
            public boolean owns(String id) {
                return owned && pbx.equals(id);
            }
        };
    }
}
