package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

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

    AgentState stateOf(String agent, String queue) {
        Entry entry = states.get(new Key(agent, queue));
        return entry == null ? AgentState.LOGGED_OUT : entry.state();
    }
}
