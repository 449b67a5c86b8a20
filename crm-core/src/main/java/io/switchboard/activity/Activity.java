package io.switchboard.activity;

import io.switchboard.contact.ContactId;
import io.switchboard.directory.UserId;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallOutcome;
import java.time.Instant;
import java.util.List;

/**
 * One call as the history shows it.
 *
 * @param contact the customer, when known; {@code null} otherwise
 * @param contactName the contact's name when {@code contact} is set
 * @param agentExtension who had the call at the end, else who answered it, else who was rung
 * @param agent the user with that extension, when there is one
 * @param disposition the agent's closing code; {@code null} until the agent sets one
 * @param version changes with every edit (dispositions use it to refuse lost updates)
 * @param path the queue and agent legs in order (several after a transfer); empty for a call that reached none
 */
public record Activity(
        ActivityId id,
        String callId,
        CallDirection direction,
        CallOutcome outcome,
        String callerNumber,
        String callerName,
        String calleeNumber,
        ContactId contact,
        String contactName,
        String queue,
        String agentExtension,
        UserId agent,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        int ringSeconds,
        int waitSeconds,
        int talkSeconds,
        Integer hangupCause,
        String hangupText,
        boolean reconciled,
        String disposition,
        String notes,
        UserId disposedBy,
        Instant disposedAt,
        long version,
        List<ActivityLeg> path) {

    public Activity {
        path = path == null ? List.of() : List.copyOf(path);
    }

    Activity withPath(List<ActivityLeg> legs) {
        return new Activity(
                id,
                callId,
                direction,
                outcome,
                callerNumber,
                callerName,
                calleeNumber,
                contact,
                contactName,
                queue,
                agentExtension,
                agent,
                startedAt,
                answeredAt,
                endedAt,
                ringSeconds,
                waitSeconds,
                talkSeconds,
                hangupCause,
                hangupText,
                reconciled,
                disposition,
                notes,
                disposedBy,
                disposedAt,
                version,
                legs);
    }
}
