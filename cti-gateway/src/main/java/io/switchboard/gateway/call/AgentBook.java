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

    /** {@code lastCall} too: a member free before and after a call (no in-use state reported) still changes. */
    private record Entry(AgentState state, String pausedReason, long lastCallSeconds) {}

    private final Map<Key, Entry> states = new HashMap<>();
    private final CallEventSink sink;

    AgentBook(CallEventSink sink) {
        this.sink = sink;
    }

    void update(long at, String agent, String queue, AgentState state, String pausedReason) {
        update(at, agent, queue, state, pausedReason, 0);
    }

    /** {@code lastCallSeconds}: when the member's last call of the queue ended (epoch seconds; 0 for not said). */
    void update(long at, String agent, String queue, AgentState state, String pausedReason, long lastCallSeconds) {
        String reason = state == AgentState.PAUSED ? Party.clean(pausedReason) : null;
        Entry known = states.get(new Key(agent, queue));
        // an event that does not say (0) keeps what an earlier one said
        long lastCall = lastCallSeconds == 0 && known != null ? known.lastCallSeconds() : lastCallSeconds;
        Entry next = new Entry(state, reason, lastCall);
        Entry previous = state == AgentState.LOGGED_OUT
                ? states.remove(new Key(agent, queue))
                : states.put(new Key(agent, queue), next);
        if (!Objects.equals(previous, next) && !(previous == null && state == AgentState.LOGGED_OUT)) {
            sink.publish(new AgentStateChanged(
                    Instant.ofEpochMilli(at),
                    agent,
                    queue,
                    state,
                    reason,
                    lastCall > 0 ? Instant.ofEpochSecond(lastCall) : null));
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
