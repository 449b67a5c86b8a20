package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Each agent's state per queue; publishes {@link AgentStateChanged} only when a state really changes. */
final class AgentBook {

    private record Key(String agent, String queue) {}

    private record Entry(AgentState state, String pausedReason) {}

    private final Map<Key, Entry> states = new HashMap<>();
    private final CallEventSink sink;

    AgentBook(CallEventSink sink) {
        this.sink = sink;
    }

    void update(long at, String agent, String queue, AgentState state, String pausedReason) {
        String reason = state == AgentState.PAUSED ? Party.clean(pausedReason) : null;
        Entry next = new Entry(state, reason);
        Entry previous = state == AgentState.LOGGED_OUT
                ? states.remove(new Key(agent, queue))
                : states.put(new Key(agent, queue), next);
        if (!Objects.equals(previous, next) && !(previous == null && state == AgentState.LOGGED_OUT)) {
            sink.publish(new AgentStateChanged(Instant.ofEpochMilli(at), agent, queue, state, reason));
        }
    }

    /** After a resync listing: agents the PBX no longer lists in a queue were logged out while the link was down. */
    void logOutAllBut(Set<String> agentsAndQueues, long at) {
        for (Key key : List.copyOf(states.keySet())) {
            if (!agentsAndQueues.contains(key.agent() + '@' + key.queue())) {
                update(at, key.agent(), key.queue(), AgentState.LOGGED_OUT, null);
            }
        }
    }
}
