package io.switchboard.gateway.call;

/**
 * What a PBX tells the call tracker, in PBX-neutral terms. The AMI adapter translates Asterisk's manager events
 * into these records; a webhook for other PBXes can produce the same ones. Times are epoch milliseconds: the
 * PBX's own timestamp when it sends one, otherwise the time the event was received.
 */
public sealed interface PbxEvent {

    long at();

    /** A channel (one leg of a call) appeared. {@code linkedid} names the call it belongs to. */
    record ChannelCreated(
            long at,
            String uniqueid,
            String linkedid,
            String channel,
            String callerNumber,
            String callerName,
            String context,
            String exten,
            boolean up)
            implements PbxEvent {}

    /** A channel changed state; only "answered" (Up) matters to the call model. */
    record ChannelStateChanged(long at, String uniqueid, boolean up) implements PbxEvent {}

    record ChannelHungUp(long at, String uniqueid, int cause, String causeText) implements PbxEvent {}

    /** The two halves of a Local channel were joined: they are one leg. */
    record LocalPairBridged(long at, String oneUniqueid, String twoUniqueid) implements PbxEvent {}

    record QueueCallerJoined(long at, String uniqueid, String queue, int position) implements PbxEvent {}

    record QueueCallerLeft(long at, String uniqueid, String queue) implements PbxEvent {}

    record QueueCallerAbandoned(long at, String uniqueid, String queue, int originalPosition, long holdSeconds)
            implements PbxEvent {}

    /** A queue member's phone starts ringing for the caller channel {@code uniqueid}. */
    record QueueAgentCalled(long at, String uniqueid, String queue, String memberInterface, String destUniqueid)
            implements PbxEvent {}

    record QueueAgentRingNoAnswer(long at, String uniqueid, String queue, String memberInterface) implements PbxEvent {}

    record QueueAgentConnected(
            long at, String uniqueid, String queue, String memberInterface, long holdSeconds, long ringSeconds)
            implements PbxEvent {}

    record QueueAgentCompleted(long at, String uniqueid, String queue, String memberInterface, long talkSeconds)
            implements PbxEvent {}

    /** {@code uniqueid} is null when the PBX itself dials (an originate). */
    record DialBegan(long at, String uniqueid, String destUniqueid, String destExten, String destNumber)
            implements PbxEvent {}

    record DialEnded(long at, String uniqueid, String destUniqueid, String dialStatus) implements PbxEvent {}

    record BridgeEntered(long at, String bridgeId, String uniqueid) implements PbxEvent {}

    record BridgeLeft(long at, String bridgeId, String uniqueid) implements PbxEvent {}

    record BlindTransferred(long at, String transfererUniqueid, String transfereeUniqueid, String extension)
            implements PbxEvent {}

    /**
     * An attended transfer joined the consultation call ({@code secondTransfererUniqueid}'s) to the original one.
     */
    record AttendedTransferred(
            long at,
            String origTransfererUniqueid,
            String secondTransfererUniqueid,
            String transfereeUniqueid,
            String transferTargetUniqueid)
            implements PbxEvent {}

    /**
     * A queue member's status, pause flag or membership changed (QueueMemberStatus, Pause, Added, Removed).
     * {@code lastCallSeconds}: the member's {@code LastCall} (epoch seconds of the end of its last call of this queue;
     * 0 for none or not said).
     */
    record MemberChanged(
            long at,
            String queue,
            String memberInterface,
            MemberStatus status,
            boolean paused,
            String pausedReason,
            boolean removed,
            long lastCallSeconds)
            implements PbxEvent {

        /** A change that does not say when the member's last call ended. */
        public MemberChanged(
                long at,
                String queue,
                String memberInterface,
                MemberStatus status,
                boolean paused,
                String pausedReason,
                boolean removed) {
            this(at, queue, memberInterface, status, paused, pausedReason, removed, 0);
        }
    }

    /**
     * One live channel reported by a resync listing (CoreShowChannels). {@code queue} is the queue whose application
     * the channel runs (a caller waiting or talking to a queue's agent), else null.
     */
    record ChannelListed(
            long at,
            String uniqueid,
            String linkedid,
            String channel,
            String callerNumber,
            String callerName,
            String context,
            String exten,
            boolean up,
            long durationSeconds,
            String bridgeId,
            String queue)
            implements PbxEvent {}

    /** The resync listing of live channels is complete: anything the tracker holds that was not listed is gone. */
    record ChannelListComplete(long at) implements PbxEvent {}

    /** One caller waiting in a queue, from a resync listing (QueueStatus). */
    record QueueEntryListed(long at, String queue, String uniqueid, int position, long waitSeconds)
            implements PbxEvent {}

    record QueueMemberListed(
            long at,
            String queue,
            String memberInterface,
            MemberStatus status,
            boolean paused,
            String pausedReason,
            long lastCallSeconds)
            implements PbxEvent {

        public QueueMemberListed(
                long at,
                String queue,
                String memberInterface,
                MemberStatus status,
                boolean paused,
                String pausedReason) {
            this(at, queue, memberInterface, status, paused, pausedReason, 0);
        }
    }

    record QueueListComplete(long at) implements PbxEvent {}

    /** A queue the PBX has, from a resync listing (QueueStatus's QueueParams): it exists even with nobody in it. */
    record QueueListed(long at, String queue) implements PbxEvent {}

    /**
     * A channel variable the call model keeps was set (names starting with {@code SWITCHBOARD_} and the answering
     * machine detection result); adapters drop every other variable before making one of these.
     */
    record VariableSet(long at, String uniqueid, String name, String value) implements PbxEvent {}

    /**
     * The PBX's answer to an asynchronous originate: {@code reason} is Asterisk's (4 answered, 5 busy, 3 no
     * answer, 8 congestion, 1 hung up, 0 failed). {@code uniqueid} is the originated channel's, null when none was
     * created.
     */
    record OriginateResponded(long at, String actionId, boolean success, int reason, String uniqueid)
            implements PbxEvent {}

    /** The PBX link went down or came up; events in between are lost until the next resync. */
    record LinkChanged(long at, boolean up) implements PbxEvent {}

    /**
     * This node gave the link to another node (which resyncs and follows the calls from then on) and logged off: the
     * tracker forgets the calls it was following without ending them, so none is ended here too early or twice later.
     */
    record LinkGivenUp(long at) implements PbxEvent {}

    // --- PBXes that report whole calls rather than channels (the JSON webhook) ---------------------------------

    /**
     * A call began, reported by a PBX that tells of whole calls: {@code callId} names both the call and the one
     * channel that stands for it, and the PBX states the direction instead of the tracker working it out from
     * dialplan contexts. {@code queue}, when not null, is the queue the call waits in from the start.
     */
    record CallBegan(
            long at,
            String callId,
            CallDirection direction,
            String callerNumber,
            String callerName,
            String callee,
            String queue)
            implements PbxEvent {}

    /** An agent's phone rings for a reported call (a queue member's or a direct call to the agent). */
    record AgentAlerted(long at, String callId, String agent) implements PbxEvent {}

    /**
     * An agent took a reported call (for an outbound call: the called party answered the agent); a call waiting
     * in a queue leaves it.
     */
    record AgentAnswered(long at, String callId, String agent) implements PbxEvent {}

    /**
     * A reported call is over. An unanswered call still waiting in a queue was given up by its caller: it ends
     * abandoned.
     */
    record CallHungUp(long at, String callId, int cause, String causeText) implements PbxEvent {}

    /** A PBX event the call model does not use, kept so it can be counted. */
    record Ignored(long at, String type) implements PbxEvent {}
}
