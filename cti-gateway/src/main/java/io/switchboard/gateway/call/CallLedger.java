package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEvent.RingStopReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The tracker's books: which channels and calls are live, which bridges join them, which ended recently; and the
 * three moments every call goes through whatever the PBX sends (it starts once, channels come and go, it ends
 * once). Owned by the tracker thread.
 */
final class CallLedger {

    private final Map<String, Channel> channels = new HashMap<>();
    private final Map<String, Call> calls = new HashMap<>();
    private final Map<String, List<Channel>> bridges = new HashMap<>();
    private final RecentlyEnded recentlyEnded;
    private final Set<String> inboundContexts;
    private final Set<String> dialContexts;
    private final Interner interner = new Interner();
    private final AgentNames agentNames;
    private final CallEventSink sink;
    private final QueueBook queues;
    private final CallTrackerMetrics metrics;
    private final BooleanSupplier listingInProgress;
    private final CallHandles handles;
    /** Ids in {@link #calls} that name a call merged into another: not calls of their own. */
    private int aliasCount;

    CallLedger(
            CallTrackerSettings settings,
            CallEventSink sink,
            QueueBook queues,
            CallTrackerMetrics metrics,
            BooleanSupplier listingInProgress,
            CallHandles handles) {
        this.recentlyEnded = new RecentlyEnded(settings.recentlyEndedCapacity());
        this.inboundContexts = settings.inboundContextSet();
        this.dialContexts = settings.dialContextSet();
        this.agentNames = new AgentNames(settings.maxExtensionLength(), interner);
        this.sink = sink;
        this.queues = queues;
        this.metrics = metrics;
        this.listingInProgress = listingInProgress;
        this.handles = handles;
    }

    CallHandles handles() {
        return handles;
    }

    Channel channel(String uniqueid) {
        return uniqueid == null ? null : channels.get(uniqueid);
    }

    Collection<Channel> channels() {
        return channels.values();
    }

    Call call(String id) {
        return calls.get(id);
    }

    boolean endedRecently(String id) {
        return recentlyEnded.contains(id);
    }

    int activeCalls() {
        return calls.size() - aliasCount;
    }

    String intern(String name) {
        return interner.intern(name);
    }

    /** The agent extension a queue member interface names, or the interface itself. */
    String member(String memberInterface) {
        String agent = agentNames.extensionOf(memberInterface);
        return agent != null ? agent : interner.intern(memberInterface);
    }

    boolean isExternalNumber(String number) {
        return agentNames.isExternalNumber(number);
    }

    Channel addChannel(
            long at,
            String uniqueid,
            String linkedid,
            String name,
            String callerNumber,
            String callerName,
            String context,
            String exten,
            boolean up) {
        Call call = calls.get(linkedid);
        boolean newCall = call == null;
        if (newCall) {
            call = new Call(linkedid.equals(uniqueid) ? uniqueid : linkedid, at);
            calls.put(call.id, call);
        }
        // a campaign call's customer side in the agent's bridge is the originate's Local channel (Local/<number>@
        // campaign-out): call control hangs up and redirects it, so it keeps its name
        boolean customerSide = context != null && dialContexts.contains(context);
        Channel channel = new Channel(uniqueid, name, agentNames.extensionOf(name), call, up, customerSide);
        channel.listed = listingInProgress.getAsBoolean();
        channels.put(uniqueid, channel);
        call.channels.add(channel);
        if (newCall) {
            classify(call, channel, callerNumber, callerName, context, exten);
        }
        return channel;
    }

    /** Decides a new call's direction from its first channel; outbound calls are confirmed when they dial out. */
    private void classify(
            Call call, Channel first, String callerNumber, String callerName, String context, String exten) {
        // a PBX may leave the context out; Set.of(...).contains(null) would throw and lose the whole call
        context = context == null ? "" : context;
        if (dialContexts.contains(context)) {
            // customer first: the PBX dials the customer (the exten) before anyone else is on the call, and an
            // agent who gets it later is popped the customer
            call.direction = CallDirection.OUTBOUND;
            call.customerFirst = true;
            call.callee = Party.clean(exten);
            call.caller = Party.of(exten, null);
            emitStarted(call);
        } else if (inboundContexts.contains(context)
                || (first.agent == null && agentNames.isExternalNumber(callerNumber))) {
            call.direction = CallDirection.INBOUND;
            call.caller = Party.of(callerNumber, callerName);
            call.callee = Party.clean(exten);
            emitStarted(call);
        } else {
            call.direction = CallDirection.INTERNAL;
            call.originAgent = first.agent;
            String number = first.agent != null ? first.agent : callerNumber;
            call.caller = Party.of(number, callerName);
        }
    }

    /**
     * A call as a PBX that reports whole calls states it (see {@link PbxEvent.CallBegan}): one channel, named by
     * the call's id, stands for it, and its direction is known from the start.
     */
    Call addReportedCall(long at, String callId, CallDirection direction, Party caller, String callee) {
        Call call = new Call(callId, at);
        calls.put(callId, call);
        Channel channel = new Channel(callId, null, null, call, false);
        channels.put(callId, channel);
        call.channels.add(channel);
        call.direction = direction;
        call.caller = caller;
        call.callee = callee;
        emitStarted(call);
        return call;
    }

    void emitStarted(Call call) {
        if (!call.startEmitted) {
            call.startEmitted = true;
            metrics.started();
            sink.publish(new CallStarted(
                    call.id, Instant.ofEpochMilli(call.startedAt), call.direction, call.caller, call.callee));
            if (call.pendingTags != null) {
                call.pendingTags.forEach(sink::publish);
                call.pendingTags = null;
            }
        }
    }

    /** Publishes a variable of the call; one set before the call started waits for its {@link CallStarted}. */
    void tag(Call call, CallEvent.CallTagged tag) {
        if (call.startEmitted) {
            sink.publish(tag);
            return;
        }
        if (call.pendingTags == null) {
            call.pendingTags = new ArrayList<>(4);
        }
        call.pendingTags.add(tag);
    }

    /** Takes a channel off the books; ends its call when it was the last one. */
    void removeChannel(Channel channel, long at, boolean reconciled) {
        channels.remove(channel.uniqueid);
        recentlyEnded.add(channel.uniqueid);
        Call call = channel.call;
        call.channels.remove(channel);
        leaveBridge(channel);
        agentLegGone(channel);
        if (channel.agent != null && !hasAgentLeg(call, channel.agent)) {
            if (channel.agent.equals(call.consulted)) {
                call.consulted = null; // the consultation is over without a transfer (cancelled, or not answered)
            }
            if (call.isRinging(channel.agent)) {
                stopRinging(
                        call, channel.agent, reconciled ? RingStopReason.CALLER_LEFT : RingStopReason.NO_ANSWER, at);
            }
        }
        if (call.channels.isEmpty()) {
            endCall(call, at, reconciled);
        }
    }

    private void agentLegGone(Channel channel) {
        if (channel.agent != null && channel.name != null) {
            handles.agentLegGone(channel.agent, channel.name);
        }
    }

    private static boolean hasAgentLeg(Call call, String agent) {
        for (Channel other : call.channels) {
            if (agent.equals(other.agent)) {
                return true;
            }
        }
        return false;
    }

    void stopRinging(Call call, String agent, RingStopReason reason, long at) {
        if (call.removeRinging(agent)) {
            sink.publish(new AgentRingStopped(call.id, Instant.ofEpochMilli(at), agent, reason));
        }
    }

    void stopAllRinging(Call call, RingStopReason reason, long at) {
        if (call.ringing != null) {
            for (String agent : List.copyOf(call.ringing.keySet())) {
                stopRinging(call, agent, reason, at);
            }
        }
    }

    /** Emits the call's one {@link CallEvent.CallEnded} and forgets it (and any channels it still had). */
    void endCall(Call call, long at, boolean reconciled) {
        if (call.queue != null) {
            queues.leave(call.queue, call.id, at);
        }
        stopAllRinging(call, RingStopReason.CALLER_LEFT, at);
        for (Channel leftover : call.channels) {
            channels.remove(leftover.uniqueid);
            recentlyEnded.add(leftover.uniqueid);
            leaveBridge(leftover);
            agentLegGone(leftover);
        }
        call.channels.clear();
        handles.callEnded(call.id, call.path == null ? List.of() : call.path.agents());
        if (call.aliases != null) {
            for (String alias : call.aliases) {
                handles.callEnded(alias, call.path == null ? List.of() : call.path.agents());
            }
        }
        emitStarted(call);
        CallEvent.CallEnded ended = CallEnding.of(call, at, reconciled);
        metrics.ended(ended.direction(), ended.outcome());
        if (reconciled) {
            metrics.endedByResync();
        }
        forget(call.id);
        if (call.aliases != null) {
            for (String alias : call.aliases) {
                forget(alias);
                aliasCount--;
            }
        }
        sink.publish(ended);
    }

    /**
     * Drops every call and channel without ending them (no event): another node follows them now ({@link
     * PbxEvent.LinkGivenUp}). Their ids count as ended recently, so a stray late event of theirs is skipped.
     */
    void forgetAll() {
        for (Call call : List.copyOf(calls.values())) {
            handles.callEnded(call.id, call.path == null ? List.of() : call.path.agents());
            recentlyEnded.add(call.id);
        }
        for (String uniqueid : channels.keySet()) {
            recentlyEnded.add(uniqueid);
        }
        channels.clear();
        calls.clear();
        bridges.clear();
        aliasCount = 0;
    }

    private void forget(String callId) {
        calls.remove(callId);
        recentlyEnded.add(callId);
    }

    /**
     * Joins {@code absorbed} into {@code survivor} (a consultation call completed by an attended transfer, or two
     * calls bridged together). The absorbed call ends here, once; its channels live on in the survivor.
     */
    void merge(Call survivor, Call absorbed, long at) {
        List<Channel> moved = new ArrayList<>(absorbed.channels);
        absorbed.channels.clear();
        endCall(absorbed, at, false);
        for (Channel channel : moved) {
            channel.call = survivor;
            survivor.channels.add(channel);
            channels.put(channel.uniqueid, channel);
        }
        List<String> ids = new ArrayList<>(1 + (absorbed.aliases == null ? 0 : absorbed.aliases.size()));
        ids.add(absorbed.id);
        if (absorbed.aliases != null) {
            ids.addAll(absorbed.aliases);
        }
        for (String id : ids) {
            calls.put(id, survivor);
            survivor.addAlias(id);
            aliasCount++;
        }
    }

    /** Puts the channel in the bridge; returns a member of another call already in it, if there is one. */
    Channel enterBridge(Channel channel, String bridgeId) {
        leaveBridge(channel);
        channel.bridgeId = bridgeId;
        List<Channel> members = bridges.computeIfAbsent(bridgeId, b -> new ArrayList<>(2));
        Channel otherCall = null;
        for (Channel member : members) {
            if (member.call != channel.call) {
                otherCall = member;
                break;
            }
        }
        members.add(channel);
        return otherCall;
    }

    List<Channel> bridgeMembers(String bridgeId) {
        return bridgeId == null ? List.of() : bridges.getOrDefault(bridgeId, List.of());
    }

    void leaveBridge(Channel channel) {
        if (channel.bridgeId == null) {
            return;
        }
        List<Channel> members = bridges.get(channel.bridgeId);
        if (members != null) {
            members.remove(channel);
            if (members.isEmpty()) {
                bridges.remove(channel.bridgeId);
            }
        }
        channel.bridgeId = null;
    }
}
