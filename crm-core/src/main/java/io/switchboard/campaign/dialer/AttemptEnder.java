package io.switchboard.campaign.dialer;

import io.switchboard.campaign.AttemptOutcome;
import io.switchboard.campaign.LeadQueue;
import io.switchboard.campaign.dialer.OutcomeRecorder.EndedAttempt;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends attempts on this node: the attempt leaves the in-flight set, an answer or an abandon counts against the
 * campaign's abandon budget for the day, and the outcome is recorded. Dialer thread only.
 */
final class AttemptEnder {

    private static final Logger log = LoggerFactory.getLogger(AttemptEnder.class);

    private final InFlightAttempts inFlight;
    private final CampaignPaces paces;
    private final OutcomeRecorder recorder;

    AttemptEnder(InFlightAttempts inFlight, CampaignPaces paces, OutcomeRecorder recorder) {
        this.inFlight = inFlight;
        this.paces = paces;
        this.recorder = recorder;
    }

    /**
     * @param callId the PBX's call id, {@code null} when no call came about
     * @param agent the agent who took the call, {@code null} when none did
     */
    void end(Attempt attempt, AttemptOutcome outcome, String callId, String agent, Instant at) {
        inFlight.remove(attempt);
        paces.of(attempt.campaignId()).ifPresent(pace -> {
            if (outcome == AttemptOutcome.HUMAN_ANSWERED || outcome == AttemptOutcome.ABANDONED) {
                pace.answeredToday++;
            }
            if (outcome == AttemptOutcome.ABANDONED) {
                pace.abandonedToday++;
            }
        });
        recorder.record(new EndedAttempt(attempt.attemptId(), attempt.campaignId(), outcome, callId, agent, at));
    }

    /**
     * Attempts whose PBX events were lost (a link outage, a crash of the PBX) end as failed and are retried. One whose
     * call is bound is followed by its link's owner, which ends it: only {@link LeadQueue#BOUND_CALL_FACTOR} times
     * later, so a customer still talking to an agent is not taken for lost.
     */
    void endLost(Instant now, Duration lostAfter) {
        Instant boundCutoff = now.minus(lostAfter.multipliedBy(LeadQueue.BOUND_CALL_FACTOR));
        for (Attempt attempt : inFlight.placedBefore(now.minus(lostAfter))) {
            if (attempt.callId != null && !attempt.placedAt.isBefore(boundCutoff)) {
                continue;
            }
            log.warn("Attempt {} had no outcome after {}; ending it as failed", attempt.attemptId(), lostAfter);
            end(attempt, AttemptOutcome.FAILED, attempt.callId, null, now);
        }
    }
}
