package io.switchboard.ticket;

import io.switchboard.directory.UserId;

/**
 * Escalating a ticket by hand.
 *
 * @param tier the tier to send it to; {@code null} for the next one
 * @param assignee a member of that tier; {@code null} to follow the tier's {@link AssignmentRule}
 * @param reason required: why the ticket needs the other tier
 */
public record EscalationRequest(String tier, UserId assignee, String reason) {

    public static EscalationRequest toNextTier(String reason) {
        return new EscalationRequest(null, null, reason);
    }
}
