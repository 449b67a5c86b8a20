package io.switchboard.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallLeg;
import io.switchboard.gateway.call.CallEvent.CallTransferred;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.call.CallEvent.RingStopReason;
import io.switchboard.gateway.call.CallEvent.TransferKind;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.call.CallEventSource;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.Party;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CallEventRelayTest {

    private static final Instant T = Instant.parse("2026-12-07T09:00:00.123456Z");

    private static final List<CallEvent> EVENTS = List.of(
            new AgentRinging(
                    "1700.1", T, "2001", "support", CallDirection.INBOUND, new Party("+4930123", "ACME"), "500", 4),
            new AgentRingStopped("1700.1", T, "2002", RingStopReason.ANSWERED_ELSEWHERE),
            new CallTransferred("1700.1", T, "2001", "2003", TransferKind.ATTENDED),
            new AgentStateChanged(T, "2001", "support", AgentState.PAUSED, "lunch"),
            new QueueChanged(T, "support", 0, null),
            new CallEnded(
                    "1700.1",
                    T,
                    CallDirection.INBOUND,
                    new Party("+4930123", null),
                    "500",
                    "support",
                    "2001",
                    "2001",
                    "2003",
                    T.minusSeconds(60),
                    T.minusSeconds(50),
                    4,
                    10,
                    50,
                    16,
                    "Normal Clearing",
                    CallOutcome.ANSWERED,
                    false,
                    List.of(new CallLeg("support", "2001", T.minusSeconds(60), T.minusSeconds(50), T, true))));

    @Test
    void everyKindOfEventCrossesUnchanged() {
        for (CallEvent event : EVENTS) {
            assertThat(CallEventRelay.read(CallEventRelay.write(event))).isEqualTo(event);
        }
        assertThatThrownBy(() -> CallEventRelay.read("{\"type\":\"Nonsense\",\"event\":{}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventWrittenWithItsFieldsInAnotherOrderIsReadAllTheSame() {
        // as a node of an earlier version wrote them (a map, in no set order), or any other JSON writer
        for (CallEvent event : EVENTS) {
            String written = CallEventRelay.write(event);
            String type = written.substring("{\"type\":\"".length(), written.indexOf("\",\"event\":"));
            String body =
                    written.substring(written.indexOf("\"event\":") + "\"event\":".length(), written.length() - 1);
            assertThat(CallEventRelay.read("{\"event\":" + body + ",\"type\":\"" + type + "\"}"))
                    .isEqualTo(event);
            assertThat(CallEventRelay.read(" " + written + "\n")).isEqualTo(event);
        }
        assertThatThrownBy(() -> CallEventRelay.read("{\"type\":\"CallEnded\",\"event\":{\"callId\":}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOwnersEventsReachOnlyTheOtherNodesSubscribersOfEveryNode() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ClusterMetrics metrics = new ClusterMetrics(registry, Clock.systemUTC());
        InProcessClusterBus.Hub hub = new InProcessClusterBus.Hub();
        try (CallEventBus ownerEvents = new CallEventBus(registry);
                CallEventBus otherEvents = new CallEventBus(registry);
                InProcessClusterBus owner = new InProcessClusterBus(new NodeId("owner"), hub, metrics);
                InProcessClusterBus other = new InProcessClusterBus(new NodeId("other"), hub, metrics);
                CallEventRelay ownerRelay = new CallEventRelay(ownerEvents, owner, 100);
                CallEventRelay otherRelay = new CallEventRelay(otherEvents, other, 100)) {
            List<CallEvent> board = new CopyOnWriteArrayList<>();
            List<CallEvent> onceOnly = new CopyOnWriteArrayList<>();
            List<CallEvent> ownersBoard = new CopyOnWriteArrayList<>();
            otherEvents.subscribe("board", CallEventSource.EVERY_NODE, CallEventDelivery.inline(), every(board));
            otherEvents.subscribe("once-only", CallEventDelivery.inline(), every(onceOnly));
            ownerEvents.subscribe("board", CallEventSource.EVERY_NODE, CallEventDelivery.inline(), every(ownersBoard));

            EVENTS.forEach(ownerEvents::publish);

            await().atMost(Duration.ofSeconds(5)).until(() -> board.size() == EVENTS.size());
            assertThat(board).isEqualTo(EVENTS);
            assertThat(ownersBoard).isEqualTo(EVENTS);
            // the other node relays nothing back: the owner's board saw each event once
            otherEvents.publish(new QueueChanged(T, "sales", 1, T));
            await().atMost(Duration.ofSeconds(5)).until(() -> ownersBoard.size() == EVENTS.size() + 1);
            assertThat(onceOnly).containsExactly(new QueueChanged(T, "sales", 1, T));
        }
    }

    private static CallEventHandlers every(List<CallEvent> into) {
        return CallEventHandlers.none().on(CallEvent.class, into::add);
    }
}
