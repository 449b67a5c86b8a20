package io.switchboard.campaign.dialer;

import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.PbxName;
import java.util.HashMap;
import java.util.Map;

/**
 * The agents of each queue as the PBX reports them, folded from {@link AgentStateChanged}: who is free to take a
 * campaign call now and who is busy with one. The dialer's thread only.
 */
final class QueueMembers {

    /** Free, busy and paused agents of one queue. */
    record Counts(int ready, int busy, int paused) {}

    private final Map<String, Map<String, AgentState>> byQueue = new HashMap<>();

    void apply(AgentStateChanged change) {
        // events name a queue of PBX b 'b:campaign' and its agents 'b:1001' (PbxName): the agents stay apart per PBX,
        // the queue is counted by its name on every PBX, as campaigns name their queue
        Map<String, AgentState> members = byQueue.computeIfAbsent(
                change.queue() == null ? null : PbxName.of(change.queue()).name(), queue -> new HashMap<>());
        if (change.state() == AgentState.LOGGED_OUT) {
            members.remove(change.agent());
        } else {
            members.put(change.agent(), change.state());
        }
    }

    Counts of(String queue) {
        int ready = 0;
        int busy = 0;
        int paused = 0;
        for (AgentState state : byQueue.getOrDefault(queue, Map.of()).values()) {
            switch (state) {
                case READY -> ready++;
                case RINGING, ON_CALL -> busy++;
                case PAUSED -> paused++;
                default -> {}
            }
        }
        return new Counts(ready, busy, paused);
    }
}
