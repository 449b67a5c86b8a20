package io.switchboard.gateway.call;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEvent.RingStopReason;
import io.switchboard.gateway.call.CallTrackerMetrics.Skip;
import io.switchboard.gateway.call.PbxEvent.*;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Folds a PBX's channel, queue, dial, bridge and transfer events into calls keyed by Linkedid and emits
 * {@link CallEvent}s. Not thread-safe by design: exactly one thread (the adapter's tracker thread) calls
 * {@link #apply}; the sink it publishes to must not block.
 *
 * <p>Every call that emits {@link CallStarted} emits exactly one {@link CallEvent.CallEnded}: when its last
 * channel hangs up (or a PBX that reports whole calls says it is over), or when a resync listing after a link outage
 * no longer shows any of its channels. Events for unknown channels, duplicates, events after a call's end and event
 * types the model does not use are tolerated and counted ({@code switchboard.calls.events.skipped}).
 */
public final class CallTracker {

    private final CallTrackerMetrics metrics;
    private final QueueBook queues;
    private final AgentBook agents;
    private final ListingReconciler listing;
    private final CallLedger ledger;
    private final CallProgress progress;
    private final CallJoins joins;
    private final CallReports reports;
    private final OriginatedCalls originated;
    private final CallHandles handles;
    private final Map<Class<? extends PbxEvent>, Consumer<PbxEvent>> handlers;
    private volatile int activeCalls;
    private final CallEventSink sink;
    private final String pbx;

    public CallTracker(CallTrackerSettings settings, CallEventSink sink, MeterRegistry registry) {
        this(settings, sink, registry, "ami");
    }

    /**
     * @param source names this tracker's PBX link in the {@code switchboard.calls.active} gauge ({@code ami},
     *     {@code webhook}): each tracker follows its own calls, and one gauge per source keeps them all counted
     */
    public CallTracker(CallTrackerSettings settings, CallEventSink sink, MeterRegistry registry, String source) {
        this(settings, sink, registry, source, PbxCallIds.DEFAULT_PBX);
    }

    /** @param pbx the PBX whose calls this tracker follows: its call handles carry the call ids {@link PbxCallIds} gives */
    public CallTracker(
            CallTrackerSettings settings, CallEventSink sink, MeterRegistry registry, String source, String pbx) {
        this.metrics = new CallTrackerMetrics(registry, source, () -> activeCalls);
        this.sink = sink;
        this.pbx = pbx;
        this.queues = new QueueBook(sink);
        this.agents = new AgentBook(sink);
        this.listing = new ListingReconciler(this);
        this.handles = new CallHandles(pbx);
        this.ledger = new CallLedger(settings, sink, queues, metrics, listing::inProgress, handles);
        CallTransfers transfers = new CallTransfers(sink);
        this.progress = new CallProgress(ledger, sink, queues, metrics, transfers);
        this.joins = new CallJoins(ledger, metrics, transfers, progress);
        this.reports = new CallReports(ledger, progress, queues, metrics);
        this.originated = new OriginatedCalls(ledger, sink);
        this.handlers = handlers();
    }

    /** Which call each agent is on, with the channels call control acts on. Safe to read from any thread. */
    public CallHandles handles() {
        return handles;
    }

    /** Calls being followed now (distinct calls, not ids). Safe to read from any thread. */
    public int activeCalls() {
        return activeCalls;
    }

    public void apply(PbxEvent event) {
        handlers.get(event.getClass()).accept(event);
        activeCalls = ledger.activeCalls();
    }

    /** One small handler per kind of PBX event (Java 17 has no pattern matching over sealed types in switch). */
    private Map<Class<? extends PbxEvent>, Consumer<PbxEvent>> handlers() {
        var map = new HandlerMap();
        map.on(ChannelCreated.class, this::channelCreated);
        map.on(ChannelStateChanged.class, e -> withChannel(e.uniqueid(), ch -> ch.up |= e.up()));
        map.on(ChannelHungUp.class, this::hungUp);
        map.on(LocalPairBridged.class, joins::localPairBridged);
        map.on(QueueCallerJoined.class, e -> withChannel(e.uniqueid(), ch -> progress.queueJoined(ch.call, e)));
        map.on(
                QueueCallerLeft.class,
                e -> withChannel(e.uniqueid(), ch -> progress.queueLeft(ch.call, e.queue(), e.at())));
        map.on(QueueCallerAbandoned.class, e -> withChannel(e.uniqueid(), ch -> progress.abandoned(ch.call, e)));
        map.on(
                QueueAgentCalled.class,
                e -> withChannel(
                        e.uniqueid(), ch -> progress.ring(ch.call, ledger.member(e.memberInterface()), e.at())));
        map.on(
                QueueAgentRingNoAnswer.class,
                e -> withChannel(
                        e.uniqueid(),
                        ch -> ledger.stopRinging(
                                ch.call, ledger.member(e.memberInterface()), RingStopReason.NO_ANSWER, e.at())));
        map.on(QueueAgentConnected.class, e -> withChannel(e.uniqueid(), ch -> progress.agentConnected(ch.call, e)));
        map.on(QueueAgentCompleted.class, e -> withChannel(e.uniqueid(), ch -> progress.agentCompleted(ch.call, e)));
        map.on(DialBegan.class, progress::dialBegan);
        map.on(DialEnded.class, progress::dialEnded);
        map.on(
                BridgeEntered.class,
                e -> withChannel(e.uniqueid(), ch -> joins.bridgeEntered(ch, e.bridgeId(), e.at())));
        map.on(BridgeLeft.class, e -> withChannel(e.uniqueid(), ch -> joins.bridgeLeft(ch, e.bridgeId())));
        map.on(
                BlindTransferred.class,
                e -> withChannel(e.transfereeUniqueid(), ch -> joins.blindTransferred(ch.call, e)));
        map.on(AttendedTransferred.class, joins::attendedTransferred);
        map.on(MemberChanged.class, this::memberChanged);
        map.on(ChannelListed.class, listing::channelListed);
        map.on(ChannelListComplete.class, e -> listing.channelListComplete(e.at()));
        map.on(QueueEntryListed.class, listing::queueEntryListed);
        map.on(QueueMemberListed.class, e -> {
            listing.queueMemberListed(ledger.member(e.memberInterface()), ledger.intern(e.queue()));
            memberChanged(new MemberChanged(
                    e.at(),
                    e.queue(),
                    e.memberInterface(),
                    e.status(),
                    e.paused(),
                    e.pausedReason(),
                    false,
                    e.lastCallSeconds()));
        });
        map.on(QueueListComplete.class, e -> {
            listing.queueListComplete(e.at());
            sink.publish(new CallEvent.PbxListed(java.time.Instant.ofEpochMilli(e.at()), pbx));
        });
        map.on(QueueListed.class, e -> queues.listed(ledger.intern(e.queue()), e.at()));
        map.on(LinkChanged.class, e -> listing.linkChanged(e.up()));
        map.on(LinkGivenUp.class, e -> {
            listing.linkChanged(false);
            ledger.forgetAll();
        });
        map.on(CallBegan.class, reports::began);
        map.on(
                AgentAlerted.class,
                e -> withChannel(e.callId(), ch -> progress.ring(ch.call, ledger.intern(e.agent()), e.at())));
        map.on(
                AgentAnswered.class,
                e -> withChannel(e.callId(), ch -> reports.answered(ch.call, ledger.intern(e.agent()), e.at())));
        map.on(CallHungUp.class, e -> withChannel(e.callId(), ch -> reports.hungUp(ch, e)));
        map.on(VariableSet.class, e -> withChannel(e.uniqueid(), ch -> originated.variableSet(ch.call, e)));
        map.on(OriginateResponded.class, originated::responded);
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

    /** The name of the channel Asterisk runs a failed originate's {@code failed} extension on. */
    static final String FAILED_ORIGINATE_CHANNEL = "OutgoingSpoolFailed";

    private void withChannel(String uniqueid, Consumer<Channel> action) {
        Channel channel = ledger.channel(uniqueid);
        if (channel == null) {
            metrics.skipped(ledger.endedRecently(uniqueid) ? Skip.AFTER_END : Skip.UNKNOWN_CHANNEL);
            return;
        }
        action.accept(channel);
    }

    private void channelCreated(ChannelCreated e) {
        if (e.channel() != null && e.channel().startsWith(FAILED_ORIGINATE_CHANNEL)) {
            // Asterisk runs a failed originate's "failed" extension (when the originate's context has one, or a
            // pattern matching it) on a channel of this name, with the originate's caller id: no call to anyone.
            // Its later events find no channel and are skipped as unknown.
            metrics.skipped(Skip.NOT_A_CALL);
            return;
        }
        if (ledger.channel(e.uniqueid()) != null) {
            metrics.skipped(Skip.DUPLICATE);
            return;
        }
        if (ledger.endedRecently(e.uniqueid())
                || (ledger.call(e.linkedid()) == null && ledger.endedRecently(e.linkedid()))) {
            metrics.skipped(Skip.AFTER_END);
            return;
        }
        ledger.addChannel(
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

    private void hungUp(ChannelHungUp e) {
        withChannel(e.uniqueid(), channel -> {
            channel.call.recordHangupCause(channel, e.cause(), e.causeText());
            ledger.removeChannel(channel, e.at(), false);
        });
    }

    private void memberChanged(MemberChanged e) {
        String agent = ledger.member(e.memberInterface());
        AgentState state = e.removed() ? AgentState.LOGGED_OUT : AgentState.of(e.status(), e.paused());
        agents.update(e.at(), agent, ledger.intern(e.queue()), state, e.pausedReason(), e.lastCallSeconds());
    }

    // --- for the resync reconciler --------------------------------------------------------------------------

    CallLedger ledger() {
        return ledger;
    }

    QueueBook queues() {
        return queues;
    }

    AgentBook agents() {
        return agents;
    }

    CallTrackerMetrics metrics() {
        return metrics;
    }

    void answer(Call call, String agent, long at) {
        progress.answer(call, agent, at);
    }
}
