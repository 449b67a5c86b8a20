package io.switchboard.live;

import io.switchboard.gateway.call.CallDirection;
import java.time.Instant;
import java.util.Set;

/**
 * A call in progress, as supervisors and agents see it.
 *
 * @param queue the queue it waits or waited in; {@code null} for direct calls
 * @param ringing agents whose phones ring for it now
 * @param agent the agent on the call; {@code null} until answered
 */
public record LiveCall(
        String callId,
        CallDirection direction,
        String callerNumber,
        String callerName,
        String callee,
        String queue,
        LiveCallState state,
        Set<String> ringing,
        String agent,
        Instant startedAt,
        Instant answeredAt) {

    public LiveCall {
        ringing = Set.copyOf(ringing);
    }

    /** Whether the agent with this extension rings for or talks on this call. */
    public boolean involves(String extension) {
        return extension != null && (extension.equals(agent) || ringing.contains(extension));
    }

    LiveCall with(LiveCallState newState, Set<String> newRinging, String newAgent, String newQueue, Instant answered) {
        return new LiveCall(
                callId,
                direction,
                callerNumber,
                callerName,
                callee,
                newQueue,
                newState,
                newRinging,
                newAgent,
                startedAt,
                answered);
    }
}
