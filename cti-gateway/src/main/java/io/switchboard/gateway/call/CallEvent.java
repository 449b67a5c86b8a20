package io.switchboard.gateway.call;

import java.time.Instant;
import java.util.List;

/**
 * What the call tracker tells the rest of Switchboard. Every call that emits {@link CallStarted} emits exactly
 * one {@link CallEnded}. {@code callId} is the PBX's identifier of the call (Asterisk's Linkedid).
 */
public sealed interface CallEvent {

    Instant at();

    record CallStarted(String callId, Instant at, CallDirection direction, Party caller, String callee)
            implements CallEvent {}

    record CallQueued(String callId, Instant at, String queue, int position, Party caller) implements CallEvent {}

    /** An agent's phone rings for this call: the moment to pop the caller's record on that agent's screen. */
    record AgentRinging(
            String callId,
            Instant at,
            String agent,
            String queue,
            CallDirection direction,
            Party caller,
            String callee,
            long waitSeconds)
            implements CallEvent {}

    /** An agent's phone stopped ringing without that agent taking the call: withdraw their pop. */
    record AgentRingStopped(String callId, Instant at, String agent, RingStopReason reason) implements CallEvent {}

    record CallAnswered(String callId, Instant at, String agent, String queue, long waitSeconds) implements CallEvent {}

    record CallTransferred(String callId, Instant at, String fromAgent, String target, TransferKind kind)
            implements CallEvent {}

    record CallAbandoned(String callId, Instant at, String queue, int position, long waitSeconds)
            implements CallEvent {}

    /**
     * The call is over. {@code answeredBy} is the first agent who took it, {@code finalAgent} the one on it at the
     * end (different after a transfer). {@code reconciled} is true when the tracker learnt of the end from a resync
     * after a PBX link outage rather than from the hangup events themselves. {@code queue} is the last queue the
     * call was in; {@code path} lists every queue and agent leg in order (more than one after a transfer).
     */
    record CallEnded(
            String callId,
            Instant at,
            CallDirection direction,
            Party caller,
            String callee,
            String queue,
            String firstRangAgent,
            String answeredBy,
            String finalAgent,
            Instant startedAt,
            Instant answeredAt,
            long ringSeconds,
            long waitSeconds,
            long talkSeconds,
            int hangupCause,
            String hangupCauseText,
            CallOutcome outcome,
            boolean reconciled,
            List<CallLeg> path)
            implements CallEvent {

        /** A {@code null} path (a PBX or a test that does not report legs) is an empty one. */
        public CallEnded {
            path = path == null ? List.of() : List.copyOf(path);
        }
    }

    /**
     * One stretch of a call's way: waiting in a queue and/or with one agent. A leg starts when the call joins a
     * queue, rings an agent outside a queue, or is transferred; it ends when the call is transferred on
     * ({@code transferred}) or ends. {@code queue} and {@code agent} are null where there was none (a call that
     * rang an extension directly, a caller who gave up waiting).
     */
    public record CallLeg(
            String queue, String agent, Instant startedAt, Instant answeredAt, Instant endedAt, boolean transferred) {}

    /**
     * A channel variable of the call was set: one whose name starts with {@code SWITCHBOARD_} (the dialer's campaign,
     * lead and attempt ids) or the answering machine detection result ({@code AMDSTATUS} unless configured
     * otherwise). Names are given without Asterisk's inheritance underscores. Variables set before the call started
     * follow its {@link CallStarted} and come before its first {@link AgentRinging}.
     */
    record CallTagged(String callId, Instant at, String name, String value) implements CallEvent {}

    /**
     * The PBX could not reach the customer of a {@link PbxCommands#dial} (or an originate): {@code actionId} is the
     * one the command returned, {@code reason} the PBX's words. When a channel was created for it, the call also
     * ends with a {@link CallEnded} of the same outcome.
     */
    record OriginateFailed(String actionId, Instant at, String reason, CallOutcome outcome) implements CallEvent {}

    /**
     * An agent's state in one queue changed.
     *
     * @param lastCall when the agent last finished a call of this queue, as the PBX reports it with each member
     *     status (Asterisk's {@code LastCall}, whole seconds); {@code null} when unknown. A member the PBX reports
     *     free within the queue's wrap-up time after it is in wrap-up: the PBX will not ring them yet.
     */
    record AgentStateChanged(
            Instant at, String agent, String queue, AgentState state, String pausedReason, Instant lastCall)
            implements CallEvent {

        /** A change without the time of the agent's last call (a PBX or a test that does not say). */
        public AgentStateChanged(Instant at, String agent, String queue, AgentState state, String pausedReason) {
            this(at, agent, queue, state, pausedReason, null);
        }
    }

    /** The number of callers waiting in a queue changed. */
    record QueueChanged(Instant at, String queue, int waiting, Instant longestWaitingSince) implements CallEvent {}

    /**
     * The PBX listed this queue (after every login to it): queues without callers or members are known too. Carries
     * no state; {@link QueueChanged} says how many wait.
     */
    record QueueListed(Instant at, String queue) implements CallEvent {}

    /**
     * The PBX's listings after a login to it are all in (after every {@link QueueListed} and the members' states): the
     * tracker's agents and queues are now the PBX's whole state, so another node can replace what it believed of
     * that PBX with them (an owner that took a link over publishes its snapshot on this).
     *
     * @param pbx the PBX's id in configuration ({@code default} for the single link)
     */
    record PbxListed(Instant at, String pbx) implements CallEvent {}

    enum RingStopReason {
        NO_ANSWER,
        ANSWERED_ELSEWHERE,
        CALLER_LEFT
    }

    enum TransferKind {
        BLIND,
        ATTENDED
    }
}
