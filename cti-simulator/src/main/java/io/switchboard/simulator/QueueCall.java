package io.switchboard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An inbound call over the trunk into a queue, as the test bed's dialplan plays it: the caller is answered, waits
 * in the queue while members ring, and talks to the one who answers. The steps are called by scenarios and load
 * mode; {@link QueueCallEnding} and {@link TransferFlows} hold the ways it ends. PBX thread only.
 */
final class QueueCall implements LiveCall {

    enum Phase {
        ARRIVING,
        WAITING,
        /** Transferred: the dialplan dials the new agent. */
        DIALING,
        CONNECTED,
        ENDED
    }

    static final String TRUNK_CONTEXT = "from-trunk";

    final SimulatedPbx pbx;
    final ChannelEvents events;
    final QueueEvents queueEvents;
    final AgentPhone phone;
    final Caller caller;
    /** The queue the caller waits in or was answered from; a Redirect into another queue changes it. */
    SimQueue queue;

    final boolean noisy;
    final CallTimeline timeline;
    final CompletableFuture<SimulatedCall> done = new CompletableFuture<>();
    final List<String> channelNames = new ArrayList<>();
    final List<String> mergedLinkedids = new ArrayList<>();
    final List<AgentLeg> ringing = new ArrayList<>();
    Consumer<String> agentReleased = extension -> {};
    /** The options after the queue's name in {@code Queue()}: the test bed's inbound calls wait up to 120 s. */
    String queueOptions = ",t,,,120";
    /**
     * What else goes when the caller's channel hangs up: nothing for a trunk caller; the rest of the Local pair and
     * the trunk for a customer dialled first (see {@link CampaignCallFlow}).
     */
    Runnable callerHungUp = () -> {};
    /** Complete {@link #done} only once the call's events reached the sockets; load mode has no one waiting. */
    boolean reportAfterDelivery = true;

    SimChannel callerChannel;
    Phase phase = Phase.ARRIVING;
    AgentLeg connected;
    SimMember connectedMember;
    boolean connectedViaQueue;
    SimBridge bridge;
    long joinMicros;
    long answeredMicros;
    /**
     * Set when a Redirect took the caller from the queue's agent: Asterisk reports that queue's {@code AgentComplete}
     * (reason {@code caller}, talk time since that agent answered) only when the whole call ends.
     */
    RedirectedFromQueue redirectedFromQueue;
    /** The agent consults a colleague (AMI Atxfer); null otherwise. */
    Consultation consultation;
    /** An attended transfer completed: the caller talks to the target through the consultation's Local pair. */
    Consultation afterTransfer;

    int originalPosition;
    String answeredBy;

    QueueCall(SimulatedPbx pbx, Caller caller, SimQueue queue, boolean noisy) {
        this.pbx = pbx;
        this.events = pbx.channelEvents();
        this.queueEvents = pbx.queueEvents();
        this.phone = new AgentPhone(pbx);
        this.caller = caller;
        this.queue = queue;
        this.noisy = noisy;
        this.timeline = new CallTimeline(pbx);
    }

    /** The trunk channel appears, runs {@code NoOp} and {@code Answer}. */
    void arrive() {
        pbx.callStarted();
        callerChannel = events.newChannel(
                pbx.ids().trunkChannel(),
                null,
                ChannelState.RING,
                TRUNK_CONTEXT,
                caller.did(),
                caller.number(),
                caller.name());
        track(callerChannel);
        int priority = 1;
        if (noisy && announcesItself()) {
            events.newExten(callerChannel, priority++, "NoOp", "inbound " + queue.name);
        }
        if (noisy) {
            events.newExten(callerChannel, priority, "Answer", "");
        }
        callerChannel.priority(priority);
        events.cel().answer(callerChannel);
        events.newState(callerChannel, ChannelState.UP);
        events.trunkInUse(true);
    }

    /** Half a second later the dialplan runs {@code Queue()}. */
    void joinQueue() {
        String queueArgs = queue.name + queueOptions;
        int priority = callerChannel.priority() + 1;
        callerChannel.priority(priority).application("Queue", queueArgs);
        if (noisy) {
            events.newExten(callerChannel, priority, "Queue", queueArgs);
            for (String variable : List.of(
                    "ANSWEREDTIME", "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "QUEUEWAIT", "QUEUEWAIT_MS")) {
                events.varSet(callerChannel, variable, "");
            }
        }
        queue.waiting.add(this);
        originalPosition = queue.waiting.size();
        if (originalPosition == 1) {
            events.deviceState("Queue:" + queue.name, "RINGING");
        }
        queueEvents.callerJoin(callerChannel, queue, originalPosition);
        joinMicros = pbx.clock().cursorMicros();
        phase = Phase.WAITING;
    }

    /** The queue rings member {@code extension}; its phone will answer after {@code ringSeconds} (or never). */
    AgentLeg ring(String extension, double ringSeconds, double talkSeconds) {
        return new MemberRinging(this).ring(extension, ringSeconds, talkSeconds);
    }

    /** Rings several members at once (ring-all); the legs come back in the order of {@code extensions}. */
    List<AgentLeg> ringAll(List<String> extensions, String answering, double ringSeconds, double talkSeconds) {
        return new MemberRinging(this).ringAll(extensions, answering, ringSeconds, talkSeconds);
    }

    /** The ringing member answers: the others stop ringing, the caller leaves the queue and is bridged. */
    void answer(AgentLeg leg) {
        SimChannel one = leg.one;
        phone.answer(leg);
        events.deviceState(AgentLeg.localDevice(leg.extension), "INUSE");
        events.cel().answer(one);
        events.newState(one, ChannelState.UP);
        events.deviceState(AgentLeg.localDevice(leg.extension), "INUSE");
        events.dialEnd(callerChannel, one, "ANSWER");
        ringing.remove(leg);
        QueueCallEnding ending = new QueueCallEnding(this);
        for (AgentLeg other : List.copyOf(ringing)) {
            ending.cancelRing(other, "CANCEL", CauseText.ANSWERED_ELSEWHERE);
        }
        int position = leaveQueue();
        if (noisy) {
            events.varSet(callerChannel, "QUEUEPOSITION", Integer.toString(position));
        }
        long now = pbx.clock().cursorMicros();
        long holdSeconds = SimClock.elapsedSeconds(joinMicros, now);
        if (noisy) {
            events.varSet(callerChannel, "QUEUEWAIT", Long.toString(holdSeconds));
            events.varSet(callerChannel, "QUEUEWAIT_MS", Long.toString(SimClock.elapsedMillis(joinMicros, now)));
        }
        SimMember member = member(leg.extension);
        queueEvents.agentConnect(
                callerChannel, one, member, holdSeconds, SimClock.elapsedSeconds(leg.ringStartMicros, now));
        queue.totalHoldSeconds += holdSeconds;
        connect(leg, member, true);
        timeline.after(0.5, () -> phone.talk(leg, true));
    }

    /** Bridges the caller with an answered agent leg. */
    void connect(AgentLeg leg, SimMember member, boolean viaQueue) {
        bridge = SimBridge.create(pbx);
        bridge.enter(leg.one, null);
        bridge.enter(callerChannel, leg.one);
        if (noisy) {
            events.varSet(leg.one, "BRIDGEPEER", callerChannel.name);
            events.varSet(callerChannel, "BRIDGEPEER", leg.one.name);
        }
        connected = leg;
        connectedMember = member;
        connectedViaQueue = viaQueue;
        answeredMicros = pbx.clock().cursorMicros();
        leg.answeredMicros = answeredMicros;
        answeredBy = leg.extension;
        phase = Phase.CONNECTED;
    }

    /** Removes the caller from the queue's waiting list; returns the position it had. */
    int leaveQueue() {
        int position = Math.max(1, queue.positionOf(this));
        queue.waiting.remove(this);
        if (queue.waiting.isEmpty()) {
            events.deviceState("Queue:" + queue.name, "NOT_INUSE");
        }
        queueEvents.callerLeave(callerChannel, queue, position);
        return position;
    }

    /** The test bed's DID 501 (sales) goes straight to Answer; the others log a NoOp first. */
    private boolean announcesItself() {
        return !caller.did().equals("501");
    }

    SimMember member(String extension) {
        return queue.member(extension).orElseGet(() -> SimMember.forAgent(queue.name, extension, false, 0));
    }

    void track(SimChannel channel) {
        channelNames.add(channel.name);
        pbx.attach(channel, this);
    }

    void finish(SimulatedCall.Outcome outcome) {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        timeline.end();
        queue.waiting.remove(this);
        pbx.callEnded();
        SimulatedCall result = new SimulatedCall(
                callerChannel.linkedid(),
                callerChannel.name,
                outcome,
                Optional.ofNullable(answeredBy),
                channelNames,
                mergedLinkedids);
        if (reportAfterDelivery) {
            pbx.afterEventsDelivered(() -> done.complete(result));
        } else {
            done.complete(result);
        }
    }

    @Override
    public void hangupByAction(String channelName) {
        if (consultation != null && consultation.isAgentChannel(channelName)) {
            consultation.complete(); // the transferring agent hangs up: Asterisk completes the transfer
        } else {
            hangupByAction();
        }
    }

    @Override
    public boolean consult(String agentChannel, String extension) {
        return connected != null
                && connected.one.name.equals(agentChannel)
                && extension.chars().allMatch(Character::isDigit)
                && Consultation.start(this, extension);
    }

    @Override
    public boolean cancelConsultation(String agentChannel) {
        if (consultation == null || !consultation.isAgentChannel(agentChannel)) {
            return false;
        }
        consultation.cancel();
        return true;
    }

    @Override
    public void hangupByAction() {
        new QueueCallEnding(this).hangUpEverything(SimulatedCall.Outcome.HUNG_UP_BY_ACTION);
    }

    /** The queue leg a Redirect ended, for its late {@code AgentComplete}. */
    record RedirectedFromQueue(SimQueue queue, SimMember member, long holdSeconds, long answeredMicros) {}

    @Override
    public boolean redirect(String context, String extension) {
        if (phase != Phase.CONNECTED) {
            return false;
        }
        if (extension.chars().allMatch(Character::isDigit)) {
            new TransferFlows(this).redirect(context, extension, 2, 5);
            return true;
        }
        // the transfer context's other extensions are queue names (config/extensions.conf: _[a-z].,1,Queue(...))
        Optional<SimQueue> target = pbx.queue(extension);
        target.ifPresent(queue -> new TransferFlows(this).redirectToQueue(context, queue, 2, 5));
        return target.isPresent();
    }
}
