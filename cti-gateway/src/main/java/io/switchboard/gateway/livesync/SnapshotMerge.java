package io.switchboard.gateway.livesync;

import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.call.CallEvent.QueueListed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a node's read models must be told to agree with a link owner's snapshot, given what they were told so far (the
 * node's {@link LiveStateBook#ofView() view}). The snapshot wins over what the node believed: the owner takes it from
 * the mirror of its trackers, which holds every change it has published, and the bus keeps one node's messages in
 * order, so a change that reached this node before the snapshot is in it already, and one that comes after it is
 * newer (or, relayed from the owner's queue while the snapshot overtook it, ends in the snapshot's state). Times are
 * not compared: a PBX's listing and its live events can carry different clocks (the node's receipt time against the
 * PBX's timestamps), and comparing them dropped a dialer's agents in CampaignsAcrossNodesTest.
 */
final class SnapshotMerge {

    private SnapshotMerge() {}

    /** The events that bring {@code view} to the snapshot's state of its PBX: changes, logouts, emptied queues. */
    static List<CallEvent> corrections(LiveStateBook view, String pbx, Instant asOf, List<LinkSnapshot> parts) {
        List<CallEvent> out = new ArrayList<>();
        Set<String> agentsInSnapshot = new HashSet<>();
        Set<String> queuesInSnapshot = new HashSet<>();
        for (LinkSnapshot part : parts) {
            for (AgentEntry entry : part.agents()) {
                agentsInSnapshot.add(entry.agent() + '@' + entry.queue());
                AgentEntry known = view.agent(entry.agent(), entry.queue()).orElse(null);
                if (known == null || !known.sameStateAs(entry)) {
                    out.add(entry.toEvent());
                }
            }
            for (QueueEntry entry : part.queues()) {
                queuesInSnapshot.add(entry.queue());
                QueueEntry known = view.queue(entry.queue()).orElse(null);
                if (known == null || !known.sameStateAs(entry)) {
                    out.add(entry.toEvent());
                }
            }
            for (String queue : part.listed()) {
                if (!view.isListed(queue)) {
                    out.add(new QueueListed(asOf, queue));
                }
            }
        }
        // what the owner does not list is over, unless this node heard of it after the snapshot was taken
        for (AgentEntry known : view.agentsOf(pbx)) {
            if (known.state() != AgentState.LOGGED_OUT
                    && !agentsInSnapshot.contains(known.agent() + '@' + known.queue())) {
                out.add(new AgentStateChanged(asOf, known.agent(), known.queue(), AgentState.LOGGED_OUT, null));
            }
        }
        for (QueueEntry known : view.queuesOf(pbx)) {
            if (known.waiting() > 0 && !queuesInSnapshot.contains(known.queue())) {
                out.add(new QueueChanged(asOf, known.queue(), 0, null));
            }
        }
        return out;
    }
}
