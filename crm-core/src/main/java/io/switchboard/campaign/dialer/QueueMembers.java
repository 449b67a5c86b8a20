package io.switchboard.campaign.dialer;

import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.PbxName;
import java.util.HashMap;
import java.util.Map;

/**
 * The agents of each queue as the PBXes report them, folded from {@link AgentStateChanged}: who is free to take a
 * campaign call now and who is busy with one, on every PBX together or on one. Events name a queue of PBX {@code b}
 * {@code b:campaign} and its agents {@code b:3001} ({@link PbxName}): a campaign names its queue by the PBXes' own
 * name ({@code campaign}), counted on every PBX, and the same extension on two PBXes stays two agents. The dialer's
 * thread only.
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

    /** An agent of a queue: the PBX and the agent as events name them ({@code b:3001}). */
    private record Member(String pbx, String agent) {}

    /** By the queue's own name on its PBX. */
    private final Map<String, Map<Member, AgentState>> byQueue = new HashMap<>();

    void apply(AgentStateChanged change) {
        if (change.queue() == null) {
            return;
        }
        PbxName queue = PbxName.of(change.queue());
        Map<Member, AgentState> members = byQueue.computeIfAbsent(queue.name(), name -> new HashMap<>());
        Member member = new Member(queue.pbx(), change.agent());
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
}
