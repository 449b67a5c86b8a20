package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.CallEnded;
import java.time.Instant;
import java.util.List;

/** Works out a finished call's outcome and durations. */
final class CallEnding {

    private CallEnding() {}

    static CallEnded of(Call call, long endedAt, boolean reconciled) {
        CallOutcome outcome = outcome(call);
        return new CallEnded(
                call.id,
                Instant.ofEpochMilli(endedAt),
                call.direction,
                call.caller,
                call.callee,
                call.queue,
                call.firstRangAgent,
                call.answeredBy,
                finalAgent(call),
                Instant.ofEpochMilli(call.startedAt),
                call.answered() ? Instant.ofEpochMilli(call.answeredAt) : null,
                Math.max(call.ringSeconds, 0),
                waitSeconds(call, endedAt),
                talkSeconds(call, endedAt),
                call.hangupCause,
                call.hangupCauseText,
                outcome,
                reconciled,
                call.path == null ? List.of() : call.path.close(endedAt));
    }

    /**
     * Who had the call at the end. An outbound call an agent placed (click-to-dial) is theirs even when the customer
     * never answered (busy, no answer, congestion): it belongs in that agent's own call log.
     */
    private static String finalAgent(Call call) {
        if (call.currentAgent == null && call.direction == CallDirection.OUTBOUND) {
            return call.originAgent;
        }
        return call.currentAgent;
    }

    static CallOutcome outcome(Call call) {
        if (call.answered() || call.customerAnswered) {
            // a customer-first call the customer answered counts as answered even when no agent took it (a
            // machine, nobody free in the queue): answeredBy tells those apart
            return CallOutcome.ANSWERED;
        }
        if (call.abandoned) {
            return CallOutcome.ABANDONED;
        }
        if (call.direction == CallDirection.INBOUND) {
            return CallOutcome.MISSED;
        }
        String status = call.dialStatus == null ? "" : call.dialStatus;
        return switch (status) {
            case "BUSY" -> CallOutcome.BUSY;
            case "NOANSWER", "CANCEL" -> CallOutcome.NO_ANSWER;
            case "CONGESTION", "CHANUNAVAIL", "DONTCALL", "TORTURE", "INVALIDARGS" -> CallOutcome.FAILED;
            default -> byHangupCause(call.hangupCause);
        };
    }

    private static CallOutcome byHangupCause(int cause) {
        return switch (cause) {
            case 17 -> CallOutcome.BUSY;
            case 18, 19, 16 -> CallOutcome.NO_ANSWER;
            default -> CallOutcome.FAILED;
        };
    }

    /** Time in queue (or ringing, outside queues) until answered or given up; the queue's own figure wins. */
    static long waitSeconds(Call call, long until) {
        if (call.waitSeconds >= 0) {
            return call.waitSeconds;
        }
        long from = call.queue != null ? call.queuedAt : call.startedAt;
        long to = call.answered() ? call.answeredAt : until;
        return seconds(to - from);
    }

    static long talkSeconds(Call call, long endedAt) {
        if (!call.answered()) {
            return 0;
        }
        if (call.talkSeconds >= 0) {
            return call.talkSeconds;
        }
        return seconds(endedAt - call.answeredAt);
    }

    static long seconds(long millis) {
        // whole seconds, truncated, as Asterisk counts HoldTime and TalkTime
        return Math.max(0, millis / 1000);
    }
}
