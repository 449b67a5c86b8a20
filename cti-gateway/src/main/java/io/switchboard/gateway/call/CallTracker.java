package io.switchboard.gateway.call;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.CallAbandoned;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEvent.CallTransferred;
import io.switchboard.gateway.call.CallEvent.RingStopReason;
import io.switchboard.gateway.call.CallEvent.TransferKind;
import io.switchboard.gateway.call.CallTrackerMetrics.Skip;
import io.switchboard.gateway.call.PbxEvent.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Folds a PBX's channel, queue, dial, bridge and transfer events into calls keyed by Linkedid and emits
 * {@link CallEvent}s. Not thread-safe by design: exactly one thread (the adapter's tracker thread) calls
 * {@link #apply}; the sink it publishes to must not block.
 *
 * <p>Every call that emits {@link CallStarted} emits exactly one {@link CallEvent.CallEnded}: when its last
 * channel hangs up, or when a resync listing after a link outage no longer shows any of its channels.
 */
public final class CallTracker {

    private final Map<String, Channel> channels = new HashMap<>();
    private final Map<String, Call> calls = new HashMap<>();
    private final Map<String, List<Channel>> bridges = new HashMap<>();
    private final RecentlyEnded recentlyEnded;
    private final Set<String> inboundContexts;
    private final Interner interner = new Interner();
    private final AgentNames agentNames;
    private final CallEventSink sink;
    private final QueueBook queues;
    private final AgentBook agents;
    private final ListingReconciler listing;
    private final CallTrackerMetrics metrics;
    private final Map<Class<? extends PbxEvent>, Consumer<PbxEvent>> handlers;
    private volatile int activeCalls;

    public CallTracker(CallTrackerSettings settings, CallEventSink sink, MeterRegistry registry) {
        this.recentlyEnded = new RecentlyEnded(settings.recentlyEndedCapacity());
        this.inboundContexts = settings.inboundContextSet();
        this.agentNames = new AgentNames(settings.maxExtensionLength(), interner);
        this.sink = sink;
        this.queues = new QueueBook(sink);
        this.agents = new AgentBook(sink);
        this.metrics = new CallTrackerMetrics(registry, () -> activeCalls);
        this.listing = new ListingReconciler(this);
        this.handlers = handlers();
    }

    /** Calls being followed now (distinct calls, not ids). */
    public int activeCalls() {
        return activeCalls;
    }

    public void apply(PbxEvent event) {
        handlers.get(event.getClass()).accept(event);
        activeCalls = distinctCalls();
    }

    /** One small handler per kind of PBX event (Java 17 has no pattern matching over sealed types in switch). */
    private Map<Class<? extends PbxEvent>, Consumer<PbxEvent>> handlers() {
        var map = new HandlerMap();
        map.on(ChannelCreated.class, this::channelCreated);
        map.on(ChannelStateChanged.class, e -> withChannel(e.uniqueid(), ch -> ch.up |= e.up()));
        map.on(ChannelHungUp.class, this::hungUp);
        map.on(LocalPairBridged.class, this::localPairBridged);
        map.on(QueueCallerJoined.class, e -> withChannel(e.uniqueid(), ch -> queueJoined(ch.call, e)));
        map.on(QueueCallerLeft.class, e -> withChannel(e.uniqueid(), ch -> queueLeft(ch.call, e.queue(), e.at())));
        map.on(QueueCallerAbandoned.class, e -> withChannel(e.uniqueid(), ch -> abandoned(ch.call, e)));
        map.on(
                QueueAgentCalled.class,
                e -> withChannel(e.uniqueid(), ch -> ring(ch.call, member(e.memberInterface()), e.at())));
        map.on(
                QueueAgentRingNoAnswer.class,
                e -> withChannel(
                        e.uniqueid(),
                        ch -> stopRinging(ch.call, member(e.memberInterface()), RingStopReason.NO_ANSWER, e.at())));
        map.on(QueueAgentConnected.class, e -> withChannel(e.uniqueid(), ch -> agentConnected(ch.call, e)));
        map.on(QueueAgentCompleted.class, e -> withChannel(e.uniqueid(), ch -> agentCompleted(ch.call, e)));
        map.on(DialBegan.class, this::dialBegan);
        map.on(DialEnded.class, this::dialEnded);
        map.on(BridgeEntered.class, e -> withChannel(e.uniqueid(), ch -> bridgeEntered(ch, e)));
        map.on(BridgeLeft.class, e -> withChannel(e.uniqueid(), ch -> bridgeLeft(ch, e.bridgeId())));
        map.on(BlindTransferred.class, e -> withChannel(e.transfereeUniqueid(), ch -> blindTransferred(ch.call, e)));
        map.on(AttendedTransferred.class, this::attendedTransferred);
        map.on(MemberChanged.class, this::memberChanged);
        map.on(ChannelListed.class, listing::channelListed);
        map.on(ChannelListComplete.class, e -> listing.channelListComplete(e.at()));
        map.on(QueueEntryListed.class, listing::queueEntryListed);
        map.on(
                QueueMemberListed.class,
                e -> memberChanged(new MemberChanged(
                        e.at(), e.queue(), e.memberInterface(), e.status(), e.paused(), e.pausedReason(), false)));
        map.on(QueueListComplete.class, e -> listing.queueListComplete(e.at()));
        map.on(LinkChanged.class, e -> listing.linkChanged(e.up()));
        map.on(Ignored.class, e -> metrics.skipped(Skip.UNHANDLED_TYPE));
        return map.handlers;
    }

    private static final class HandlerMap {
        final Map<Class<? extends PbxEvent>, Consumer<PbxEvent>> handlers = new HashMap<>();

        <E extends PbxEvent> void on(Class<E> type, Consumer<E> handler) {
            handlers.put(type, event -> handler.accept(type.cast(event)));
        }
    }

    boolean handles(Class<?> type) {
        return handlers.containsKey(type);
    }

    private int distinctCalls() {
        return calls.size() - aliasCount;
    }

    private int aliasCount;

    private interface ChannelAction {
        void apply(Channel channel);
    }

    private void withChannel(String uniqueid, ChannelAction action) {
        Channel channel = uniqueid == null ? null : channels.get(uniqueid);
        if (channel == null) {
            metrics.skipped(recentlyEnded.contains(uniqueid) ? Skip.AFTER_END : Skip.UNKNOWN_CHANNEL);
            return;
        }
        action.apply(channel);
    }

    private String member(String memberInterface) {
        String agent = agentNames.extensionOf(memberInterface);
        return agent != null ? agent : interner.intern(memberInterface);
    }

    // --- channels -------------------------------------------------------------------------------------------

    private void channelCreated(ChannelCreated e) {
        if (channels.containsKey(e.uniqueid())) {
            metrics.skipped(Skip.DUPLICATE);
            return;
        }
        if (recentlyEnded.contains(e.uniqueid())
                || (!calls.containsKey(e.linkedid()) && recentlyEnded.contains(e.linkedid()))) {
            metrics.skipped(Skip.AFTER_END);
            return;
        }
        addChannel(
                e.at(),
                e.uniqueid(),
                e.linkedid(),
                e.channel(),
                e.callerNumber(),
                e.callerName(),
                e.context(),
                e.exten(),
                e.up());
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
        Channel channel = new Channel(uniqueid, name, agentNames.extensionOf(name), call, up);
        channel.listed = listing.inProgress();
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
        if (inboundContexts.contains(context) || (first.agent == null && agentNames.isExternalNumber(callerNumber))) {
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

    private void emitStarted(Call call) {
        if (!call.startEmitted) {
            call.startEmitted = true;
            metrics.started();
            sink.publish(new CallStarted(
                    call.id, Instant.ofEpochMilli(call.startedAt), call.direction, call.caller, call.callee));
        }
    }

    private void hungUp(ChannelHungUp e) {
        Channel channel = channels.remove(e.uniqueid());
        if (channel == null) {
            metrics.skipped(recentlyEnded.contains(e.uniqueid()) ? Skip.AFTER_END : Skip.UNKNOWN_CHANNEL);
            return;
        }
        recentlyEnded.add(channel.uniqueid);
        Call call = channel.call;
        call.channels.remove(channel);
        leaveBridge(channel);
        call.recordHangupCause(channel, e.cause(), e.causeText());
        if (channel.agent != null && call.isRinging(channel.agent) && !sharesAgentLeg(call, channel.agent)) {
            stopRinging(call, channel.agent, RingStopReason.NO_ANSWER, e.at());
        }
        if (call.channels.isEmpty()) {
            endCall(call, e.at(), false);
        }
    }

    private static boolean sharesAgentLeg(Call call, String agent) {
        for (Channel other : call.channels) {
            if (agent.equals(other.agent)) {
                return true;
            }
        }
        return false;
    }

    void endCall(Call call, long at, boolean reconciled) {
        if (call.queue != null) {
            queues.leave(call.queue, call.id, at);
        }
        if (call.ringing != null) {
            for (String agent : List.copyOf(call.ringing)) {
                stopRinging(call, agent, RingStopReason.CALLER_LEFT, at);
            }
        }
        for (Channel leftover : call.channels) {
            channels.remove(leftover.uniqueid);
            recentlyEnded.add(leftover.uniqueid);
            leaveBridge(leftover);
        }
        call.channels.clear();
        emitStarted(call);
        CallEvent.CallEnded ended = CallEnding.of(call, at, reconciled);
        metrics.ended(ended.direction(), ended.outcome());
        if (reconciled) {
            metrics.endedByResync();
        }
        calls.remove(call.id);
        recentlyEnded.add(call.id);
        if (call.aliases != null) {
            for (String alias : call.aliases) {
                calls.remove(alias);
                recentlyEnded.add(alias);
                aliasCount--;
            }
        }
        sink.publish(ended);
    }

    // --- queues ---------------------------------------------------------------------------------------------

    private void queueJoined(Call call, QueueCallerJoined e) {
        call.queue = interner.intern(e.queue());
        call.queuedAt = e.at();
        call.queuePosition = e.position();
        emitStarted(call);
        sink.publish(new CallQueued(call.id, Instant.ofEpochMilli(e.at()), e.queue(), e.position(), call.caller));
        queues.join(e.queue(), call.id, e.at(), e.at());
    }

    private void queueLeft(Call call, String queue, long at) {
        queues.leave(queue, call.id, at);
        if (!call.answered() && call.ringing != null) {
            for (String agent : List.copyOf(call.ringing)) {
                stopRinging(call, agent, RingStopReason.CALLER_LEFT, at);
            }
        }
    }

    private void abandoned(Call call, QueueCallerAbandoned e) {
        if (call.abandoned) {
            metrics.skipped(Skip.DUPLICATE);
            return;
        }
        call.abandoned = true;
        call.waitSeconds = e.holdSeconds();
        sink.publish(new CallAbandoned(
                call.id, Instant.ofEpochMilli(e.at()), e.queue(), e.originalPosition(), e.holdSeconds()));
        queueLeft(call, e.queue(), e.at());
    }

    private void agentConnected(Call call, QueueAgentConnected e) {
        call.waitSeconds = e.holdSeconds();
        call.ringSeconds = e.ringSeconds();
        answer(call, member(e.memberInterface()), e.at());
    }

    private void agentCompleted(Call call, QueueAgentCompleted e) {
        if (call.answeredBy != null && call.answeredBy.equals(call.currentAgent)) {
            call.talkSeconds = e.talkSeconds();
        }
    }

    // --- ringing, answering, dialling -----------------------------------------------------------------------

    private void ring(Call call, String agent, long at) {
        if (call.isRinging(agent) || agent.equals(call.currentAgent)) {
            metrics.skipped(Skip.DUPLICATE);
            return;
        }
        emitStarted(call);
        call.addRinging(agent);
        long waited = CallEnding.seconds(at - (call.queue != null ? call.queuedAt : call.startedAt));
        sink.publish(new AgentRinging(
                call.id,
                Instant.ofEpochMilli(at),
                agent,
                call.queue,
                call.direction,
                call.caller,
                call.callee,
                waited));
    }

    private void stopRinging(Call call, String agent, RingStopReason reason, long at) {
        if (call.removeRinging(agent)) {
            sink.publish(new AgentRingStopped(call.id, Instant.ofEpochMilli(at), agent, reason));
        }
    }

    void answer(Call call, String agent, long at) {
        if (agent.equals(call.currentAgent)) {
            return;
        }
        if (!call.answered()) {
            call.answeredBy = agent;
            call.answeredAt = at;
        }
        call.currentAgent = agent;
        call.removeRinging(agent);
        if (call.ringing != null) {
            for (String other : List.copyOf(call.ringing)) {
                stopRinging(call, other, RingStopReason.ANSWERED_ELSEWHERE, at);
            }
        }
        emitStarted(call);
        sink.publish(new CallAnswered(
                call.id, Instant.ofEpochMilli(at), agent, call.queue, CallEnding.waitSeconds(call, at)));
    }

    private void dialBegan(DialBegan e) {
        Channel dest = e.destUniqueid() == null ? null : channels.get(e.destUniqueid());
        if (dest == null) {
            metrics.skipped(Skip.UNKNOWN_CHANNEL);
            return;
        }
        Call call = dest.call;
        if (e.uniqueid() == null) {
            return; // the PBX rings an agent's own phone for a click-to-dial: no pop for one's own call
        }
        if (dest.agent != null) {
            ring(call, dest.agent, e.at());
        } else if (call.direction != CallDirection.INBOUND) {
            String number = e.destNumber() != null ? e.destNumber() : e.destExten();
            if (agentNames.isExternalNumber(number)) {
                call.direction = CallDirection.OUTBOUND;
                call.callee = number;
                emitStarted(call);
            }
        }
    }

    private void dialEnded(DialEnded e) {
        Channel dest = e.destUniqueid() == null ? null : channels.get(e.destUniqueid());
        if (dest == null) {
            metrics.skipped(Skip.UNKNOWN_CHANNEL);
            return;
        }
        Call call = dest.call;
        String status = e.dialStatus() == null ? "" : e.dialStatus();
        if (e.uniqueid() == null) {
            return; // the agent's own phone answering a click-to-dial is not the call being answered
        }
        if (dest.agent != null) {
            if ("ANSWER".equals(status)) {
                answer(call, dest.agent, e.at());
            } else {
                RingStopReason reason = call.answered()
                        ? RingStopReason.ANSWERED_ELSEWHERE
                        : "CANCEL".equals(status) ? RingStopReason.CALLER_LEFT : RingStopReason.NO_ANSWER;
                stopRinging(call, dest.agent, reason, e.at());
            }
            return;
        }
        call.dialStatus = status;
        if ("ANSWER".equals(status)) {
            String agent = call.originAgent != null ? call.originAgent : call.caller.number();
            answer(call, agent != null ? agent : "unknown", e.at());
        }
    }

    // --- bridges and transfers ------------------------------------------------------------------------------

    private void bridgeEntered(Channel channel, BridgeEntered e) {
        leaveBridge(channel);
        channel.bridgeId = e.bridgeId();
        List<Channel> members = bridges.computeIfAbsent(e.bridgeId(), b -> new ArrayList<>(2));
        for (Channel member : members) {
            if (member.call != channel.call) {
                Call older = member.call.startedAt <= channel.call.startedAt ? member.call : channel.call;
                merge(older, older == member.call ? channel.call : member.call, e.at());
                break;
            }
        }
        members.add(channel);
    }

    /**
     * The two halves of a Local channel are one leg. They normally share the call's Linkedid; when they do not
     * (a Local channel originated on its own, then bridged to a call), the pair joins the two calls.
     */
    private void localPairBridged(LocalPairBridged e) {
        Channel one = channels.get(e.oneUniqueid());
        Channel two = channels.get(e.twoUniqueid());
        if (one == null || two == null) {
            metrics.skipped(Skip.UNKNOWN_CHANNEL);
            return;
        }
        if (one.call != two.call) {
            Call older = one.call.startedAt <= two.call.startedAt ? one.call : two.call;
            merge(older, older == one.call ? two.call : one.call, e.at());
        }
    }

    private void bridgeLeft(Channel channel, String bridgeId) {
        if (bridgeId.equals(channel.bridgeId)) {
            leaveBridge(channel);
        }
    }

    private void leaveBridge(Channel channel) {
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

    private void blindTransferred(Call call, BlindTransferred e) {
        Channel transferer = e.transfererUniqueid() == null ? null : channels.get(e.transfererUniqueid());
        String from = transferer != null && transferer.agent != null ? transferer.agent : call.currentAgent;
        call.currentAgent = null;
        sink.publish(
                new CallTransferred(call.id, Instant.ofEpochMilli(e.at()), from, e.extension(), TransferKind.BLIND));
    }

    private void attendedTransferred(AttendedTransferred e) {
        Channel transferee = channels.get(e.transfereeUniqueid());
        Channel target = e.transferTargetUniqueid() == null ? null : channels.get(e.transferTargetUniqueid());
        if (transferee == null || target == null) {
            metrics.skipped(Skip.UNKNOWN_CHANNEL);
            return;
        }
        Call original = transferee.call;
        Channel transferer = channels.get(e.origTransfererUniqueid());
        String from = transferer != null && transferer.agent != null ? transferer.agent : original.currentAgent;
        if (target.call != original) {
            merge(original, target.call, e.at());
        }
        String to = target.agent != null ? target.agent : target.name;
        original.currentAgent = to;
        sink.publish(new CallTransferred(original.id, Instant.ofEpochMilli(e.at()), from, to, TransferKind.ATTENDED));
    }

    /**
     * Joins {@code absorbed} into {@code survivor} (a consultation call completed by an attended transfer, or two
     * calls bridged together). The absorbed call ends here, once; its channels live on in the survivor.
     */
    private void merge(Call survivor, Call absorbed, long at) {
        List<Channel> moved = new ArrayList<>(absorbed.channels);
        absorbed.channels.clear();
        endCall(absorbed, at, false);
        for (Channel channel : moved) {
            channel.call = survivor;
            survivor.channels.add(channel);
            channels.put(channel.uniqueid, channel);
        }
        calls.put(absorbed.id, survivor);
        survivor.addAlias(absorbed.id);
        aliasCount++;
        if (absorbed.aliases != null) {
            for (String alias : absorbed.aliases) {
                calls.put(alias, survivor);
                survivor.addAlias(alias);
                aliasCount++;
            }
        }
    }

    // --- agents ---------------------------------------------------------------------------------------------

    private void memberChanged(MemberChanged e) {
        String agent = member(e.memberInterface());
        AgentState state = e.removed() ? AgentState.LOGGED_OUT : AgentState.of(e.status(), e.paused());
        agents.update(e.at(), agent, interner.intern(e.queue()), state, e.pausedReason());
    }

    // --- access for the resync reconciler -------------------------------------------------------------------

    Map<String, Channel> channels() {
        return channels;
    }

    Call call(String id) {
        return calls.get(id);
    }

    boolean endedRecently(String id) {
        return recentlyEnded.contains(id);
    }

    QueueBook queues() {
        return queues;
    }

    CallTrackerMetrics metrics() {
        return metrics;
    }

    /** A channel the PBX no longer has, though its hangup was never seen (it ended while the link was down). */
    void vanished(Channel channel, long at) {
        channels.remove(channel.uniqueid);
        recentlyEnded.add(channel.uniqueid);
        Call call = channel.call;
        call.channels.remove(channel);
        leaveBridge(channel);
        if (channel.agent != null && !sharesAgentLeg(call, channel.agent)) {
            stopRinging(call, channel.agent, RingStopReason.CALLER_LEFT, at);
        }
        if (call.channels.isEmpty()) {
            endCall(call, at, true);
        }
    }

    AgentBook agents() {
        return agents;
    }

    boolean isExternalNumber(String number) {
        return agentNames.isExternalNumber(number);
    }

    void pickedUp(Call call) {
        metrics.pickedUpByResync();
        emitStarted(call);
    }
}
