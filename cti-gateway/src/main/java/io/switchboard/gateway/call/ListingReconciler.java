package io.switchboard.gateway.call;

import io.switchboard.gateway.call.PbxEvent.ChannelListed;
import io.switchboard.gateway.call.PbxEvent.QueueEntryListed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reconciles the tracker with the PBX's own listings after a (re)connect. The listings arrive in the same event
 * stream as live events, so stream order tells what happened before and after them: a channel the tracker holds
 * that is neither listed nor created while the listing arrived ended while the link was down, and is ended once;
 * a listed channel the tracker does not know started while it was down, and is picked up, unless its hangup or its
 * call's end was already seen.
 */
final class ListingReconciler {

    private final CallTracker tracker;
    private List<ChannelListed> listedChannels;
    private Map<String, LinkedHashMap<String, Long>> listedQueues;
    private Set<String> listedMembers;

    ListingReconciler(CallTracker tracker) {
        this.tracker = tracker;
    }

    boolean inProgress() {
        return listedChannels != null;
    }

    void linkChanged(boolean up) {
        // a listing cut short by a dropped link proves nothing; the next connect starts a new one
        listedChannels = null;
        listedQueues = null;
        listedMembers = null;
    }

    void channelListed(ChannelListed e) {
        if (listedChannels == null) {
            begin();
        }
        listedChannels.add(e);
        Channel known = tracker.ledger().channel(e.uniqueid());
        if (known != null) {
            known.listed = true;
        }
    }

    private void begin() {
        listedChannels = new ArrayList<>();
        for (Channel channel : tracker.ledger().channels()) {
            channel.listed = false;
        }
    }

    void channelListComplete(long at) {
        if (listedChannels == null) {
            begin();
        }
        Set<Call> pickedUp = pickUpUnknownChannels(at);
        for (Channel channel : List.copyOf(tracker.ledger().channels())) {
            if (!channel.listed) {
                // its hangup was never seen: it ended while the link was down
                tracker.ledger().removeChannel(channel, at, true);
            }
        }
        for (Call call : pickedUp) {
            describePickedUp(call, at);
        }
        listedChannels = null;
        tracker.metrics().resynced();
    }

    private Set<Call> pickUpUnknownChannels(long at) {
        CallLedger ledger = tracker.ledger();
        Set<Call> pickedUp = new LinkedHashSet<>();
        // the channel that started a call (Uniqueid == Linkedid) first, so the call is classified by it
        listedChannels.sort(
                Comparator.comparing((ChannelListed e) -> !e.uniqueid().equals(e.linkedid()))
                        .thenComparing(e -> -e.durationSeconds()));
        for (ChannelListed e : listedChannels) {
            if (ledger.channel(e.uniqueid()) != null || ledger.endedRecently(e.uniqueid())) {
                continue;
            }
            Call existing = ledger.call(e.linkedid());
            if (existing == null && ledger.endedRecently(e.linkedid())) {
                continue;
            }
            long createdAt = at - e.durationSeconds() * 1000;
            Channel channel = ledger.addChannel(
                    createdAt,
                    e.uniqueid(),
                    e.linkedid(),
                    e.channel(),
                    e.callerNumber(),
                    e.callerName(),
                    e.context(),
                    e.exten(),
                    e.up());
            channel.listed = true;
            if (existing == null) {
                pickedUp.add(channel.call);
            }
        }
        return pickedUp;
    }

    /** What a listing tells of a call we never saw start: who dialled out, and which agent is talking on it. */
    private void describePickedUp(Call call, long at) {
        if (call.channels.isEmpty()) {
            return;
        }
        Map<String, ChannelListed> byId = new HashMap<>();
        for (ChannelListed e : listedChannels) {
            byId.put(e.uniqueid(), e);
        }
        String talkingAgent = null;
        long talkingSince = at;
        String queue = null;
        for (Channel channel : call.channels) {
            ChannelListed listed = byId.get(channel.uniqueid);
            if (listed == null) {
                continue;
            }
            if (call.direction == CallDirection.INTERNAL && channel.agent == null) {
                CallLedger ledger = tracker.ledger();
                String number = ledger.isExternalNumber(listed.exten()) ? listed.exten() : listed.callerNumber();
                if (ledger.isExternalNumber(number)) {
                    call.direction = CallDirection.OUTBOUND;
                    call.callee = number;
                }
            }
            if (channel.agent != null
                    && listed.up()
                    && listed.bridgeId() != null
                    && !listed.bridgeId().isBlank()) {
                talkingAgent = channel.agent;
                // the agent's leg was created when their phone began to ring: a little before the answer
                talkingSince = Math.max(call.startedAt, at - listed.durationSeconds() * 1000);
            }
            if (listed.queue() != null && channel.agent == null) {
                queue = listed.queue();
            }
        }
        tracker.metrics().pickedUpByResync();
        tracker.ledger().emitStarted(call);
        if (talkingAgent != null) {
            if (queue != null && call.queue == null) {
                // the caller still runs the Queue application while they talk to its agent
                call.queue = tracker.ledger().intern(queue);
                call.queuedAt = call.startedAt;
                call.path().queued(call.queue, call.startedAt);
            }
            tracker.answer(call, talkingAgent, talkingSince);
        }
    }

    void queueEntryListed(QueueEntryListed e) {
        if (listedQueues == null) {
            listedQueues = new HashMap<>();
        }
        Channel channel = tracker.ledger().channel(e.uniqueid());
        LinkedHashMap<String, Long> waiting = listedQueues.computeIfAbsent(e.queue(), q -> new LinkedHashMap<>());
        if (channel != null) {
            long joinedAt = e.at() - e.waitSeconds() * 1000;
            Call call = channel.call;
            if (call.queue == null) {
                call.queue = e.queue();
                call.queuedAt = joinedAt;
            }
            waiting.put(call.id, joinedAt);
        }
    }

    void queueMemberListed(String agent, String queue) {
        if (listedMembers == null) {
            listedMembers = new java.util.HashSet<>();
        }
        listedMembers.add(agent + '@' + queue);
    }

    void queueListComplete(long at) {
        tracker.queues().replace(listedQueues == null ? Map.of() : listedQueues, at);
        tracker.agents().logOutAllBut(listedMembers == null ? Set.of() : listedMembers, at);
        listedQueues = null;
        listedMembers = null;
    }
}
