package io.switchboard.campaign.dialer;

import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import java.util.HashMap;
import java.util.Map;

/**
 * The agents of each queue as the PBXes report them, folded from {@link AgentStateChanged}: who is free to take a
 * campaign call now and who is busy with one, on every PBX together or on one. An agent is (PBX, extension): the
 * same extension in the same queue on two PBXes is two agents. The dialer's thread only.
 */
final class QueueMembers {

    /** Free, busy and paused agents of one queue. */
    record Counts(int ready, int busy, int paused) {

        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(AgentState state) {
            return switch (state) {
                case READY -> new Counts(ready + 1, busy, paused);
                case RINGING, ON_CALL -> new Counts(ready, busy + 1, paused);
                case PAUSED -> new Counts(ready, busy, paused + 1);
                default -> this;
            };
        }

        /** Anyone logged in to the queue there at all. */
        boolean anyone() {
            return ready + busy + paused > 0;
        }
    }

    private record Member(String pbx, String agent) {}

    private final Map<String, Map<Member, AgentState>> byQueue = new HashMap<>();

    void apply(AgentStateChanged change) {
        Map<Member, AgentState> members = byQueue.computeIfAbsent(change.queue(), queue -> new HashMap<>());
        Member member = new Member(change.pbx(), change.agent());
        if (change.state() == AgentState.LOGGED_OUT) {
            members.remove(member);
        } else {
            members.put(member, change.state());
        }
    }

    /** The queue's agents on every PBX. */
    Counts of(String queue) {
        Counts counts = Counts.NONE;
        for (AgentState state : byQueue.getOrDefault(queue, Map.of()).values()) {
            counts = counts.plus(state);
        }
        return counts;
    }

    /** The queue's agents on one PBX. */
    Counts of(String queue, String pbx) {
        Counts counts = Counts.NONE;
        for (Map.Entry<Member, AgentState> member :
                byQueue.getOrDefault(queue, Map.of()).entrySet()) {
            if (member.getKey().pbx().equals(pbx)) {
                counts = counts.plus(member.getValue());
            }
        }
        return counts;
    }

    /** Whether {@code agent} (an extension) is in the queue on {@code pbx}. */
    boolean member(String queue, String pbx, String agent) {
        return byQueue.getOrDefault(queue, Map.of()).containsKey(new Member(pbx, agent));
    }
}
