package io.switchboard.activity;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallEnded;

/**
 * An ended call with the customer and agent resolved, ready to be inserted as an activity.
 *
 * @param contactId the contact the customer's number matched, or {@code null}
 * @param agentId the user behind {@link #agentExtension()}, or {@code null}
 * @param teamId that user's team, or {@code null}
 */
record CallRecord(CallEnded call, Long contactId, String agentExtension, Long agentId, Long teamId) {

    /** The agent the activity belongs to: the last one on the call, else who answered, else who was rung. */
    static String agentOf(CallEnded call) {
        if (call.finalAgent() != null) {
            return call.finalAgent();
        }
        return call.answeredBy() != null ? call.answeredBy() : call.firstRangAgent();
    }

    /** The number of the party outside the centre: the caller of an inbound call, the callee of an outbound one. */
    static String customerNumberOf(CallEnded call) {
        if (call.direction() == CallDirection.OUTBOUND) {
            return call.callee();
        }
        return call.direction() == CallDirection.INBOUND ? call.caller().number() : null;
    }
}
