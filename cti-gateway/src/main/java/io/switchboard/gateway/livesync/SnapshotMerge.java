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
 * node's {@link LiveStateBook#ofView() view}). Newer wins, by the PBX's time of each change: a snapshot's entry older
 * than a change this node already has is left out, and so is a relayed change older than what the view holds
 * ({@link #admits}), so a change that crossed the snapshot on the bus is never undone by it.
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
                if (known == null || (!known.at().isAfter(entry.at()) && !known.sameStateAs(entry))) {
                    out.add(entry.toEvent());
                }
            }
            for (QueueEntry entry : part.queues()) {
                queuesInSnapshot.add(entry.queue());
                QueueEntry known = view.queue(entry.queue()).orElse(null);
                if (known == null || (!known.at().isAfter(entry.at()) && !known.sameStateAs(entry))) {
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
                    && !agentsInSnapshot.contains(known.agent() + '@' + known.queue())
                    && !known.at().isAfter(asOf)) {
                out.add(new AgentStateChanged(asOf, known.agent(), known.queue(), AgentState.LOGGED_OUT, null));
            }
        }
        for (QueueEntry known : view.queuesOf(pbx)) {
            if (known.waiting() > 0
                    && !queuesInSnapshot.contains(known.queue())
                    && !known.at().isAfter(asOf)) {
                out.add(new QueueChanged(asOf, known.queue(), 0, null));
            }
        }
        return out;
    }

    /** Whether a change relayed from an owner is still news here: not older than what the view holds of its agent or queue. */
    static boolean admits(LiveStateBook view, CallEvent event) {
        if (event instanceof AgentStateChanged changed) {
            return view.agent(changed.agent(), changed.queue())
                    .map(known -> !known.at().isAfter(changed.at()))
                    .orElse(true);
        }
        if (event instanceof QueueChanged changed) {
            return view.queue(changed.queue())
                    .map(known -> !known.at().isAfter(changed.at()))
                    .orElse(true);
        }
        return true;
    }
}
