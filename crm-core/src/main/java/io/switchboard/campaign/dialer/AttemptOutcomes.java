package io.switchboard.campaign.dialer;

import io.switchboard.campaign.AttemptOutcome;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;

/** How an ended call counts for its campaign lead. */
final class AttemptOutcomes {

    private AttemptOutcomes() {}

    /**
     * A person who answered and was put through to an agent is {@code HUMAN_ANSWERED}. A person who answered but
     * reached no agent (nobody free within the queue's two seconds, or they hung up waiting) is {@code ABANDONED}:
     * that is what the abandon cap counts. An answering machine is {@code MACHINE}, whatever happened next.
     */
    static AttemptOutcome of(Attempt attempt, CallEnded ended) {
        return of(attempt.machine, attempt.predictiveOrProgressive, attempt.humanAt != null, ended);
    }

    /**
     * The same from what was seen of the call, wherever it is followed.
     *
     * @param customerFirst dialled by the dialer (customer first), not by an agent in preview
     * @param personFound a person was found on the line (answering-machine detection, or the campaign queue)
     */
    static AttemptOutcome of(boolean machine, boolean customerFirst, boolean personFound, CallEnded ended) {
        if (machine) {
            return AttemptOutcome.MACHINE;
        }
        return switch (ended.outcome()) {
            case ANSWERED -> answered(customerFirst, personFound, ended);
            case ABANDONED, MISSED -> AttemptOutcome.ABANDONED;
            case BUSY -> AttemptOutcome.BUSY;
            case NO_ANSWER -> AttemptOutcome.NO_ANSWER;
            case FAILED -> AttemptOutcome.FAILED;
        };
    }

    private static AttemptOutcome answered(boolean customerFirst, boolean personFound, CallEnded ended) {
        if (ended.answeredBy() != null || ended.finalAgent() != null) {
            return AttemptOutcome.HUMAN_ANSWERED;
        }
        if (!customerFirst) {
            // Agent first (preview): the agent was on the line from the start.
            return AttemptOutcome.HUMAN_ANSWERED;
        }
        // Customer first: answered, but hung up before answering-machine detection finished and before any queue.
        return ended.queue() == null && !personFound ? AttemptOutcome.NO_ANSWER : AttemptOutcome.ABANDONED;
    }

    /** An originate the PBX refused: no channel, no call events to follow. */
    static AttemptOutcome ofRefused(CallOutcome outcome) {
        return switch (outcome) {
            case BUSY -> AttemptOutcome.BUSY;
            case NO_ANSWER -> AttemptOutcome.NO_ANSWER;
            default -> AttemptOutcome.FAILED;
        };
    }
}
