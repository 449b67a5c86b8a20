package io.switchboard.campaign.dialer;

import io.switchboard.campaign.AttemptId;
import io.switchboard.campaign.AttemptOutcome;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.CallTagged;
import io.switchboard.gateway.call.CallEvent.OriginateFailed;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the PBX's call events for the attempts in flight: the {@code SWITCHBOARD_ATTEMPT} tag binds a call to its
 * attempt, answering-machine detection and the campaign queue say whether a person answered, the call's end (or the
 * originate's refusal) decides the outcome. Every answer and every failure also feeds the campaign's pacing
 * estimates. One method per event type; the dialer thread calls them.
 */
final class AttemptEvents {

    private static final Logger log = LoggerFactory.getLogger(AttemptEvents.class);

    private final QueueMembers members;
    private final InFlightAttempts inFlight;
    private final CampaignPaces paces;
    private final AttemptEnder ender;
    /** The channel variable answering-machine detection sets: the call tracker's {@code amd-variable}. */
    private final String amdVariable;
    /** Added to an answered call's talk time for the pacer's handle time. */
    private final Duration wrapUp;

    AttemptEvents(
            QueueMembers members,
            InFlightAttempts inFlight,
            CampaignPaces paces,
            AttemptEnder ender,
            String amdVariable,
            Duration wrapUp) {
        this.members = members;
        this.inFlight = inFlight;
        this.paces = paces;
        this.ender = ender;
        this.amdVariable = amdVariable;
        this.wrapUp = wrapUp;
    }

    void agentStateChanged(AgentStateChanged change) {
        members.apply(change);
    }

    void tagged(CallTagged tagged) {
        if (AttemptPlacer.ATTEMPT_VARIABLE.equals(tagged.name())) {
            try {
                inFlight.bind(new AttemptId(Long.parseLong(tagged.value().trim())), tagged.callId());
            } catch (NumberFormatException e) {
                log.warn(
                        "Call {} carries a malformed {}: {}",
                        tagged.callId(),
                        AttemptPlacer.ATTEMPT_VARIABLE,
                        tagged.value());
            }
        } else if (amdVariable.equalsIgnoreCase(tagged.name())) {
            inFlight.byCall(tagged.callId()).ifPresent(attempt -> {
                if ("MACHINE".equalsIgnoreCase(tagged.value())) {
                    attempt.machine = true;
                    paces.of(attempt.campaignId())
                            .ifPresent(pace -> pace.stats.attemptFailed(seconds(attempt.placedAt, tagged.at())));
                } else if ("HUMAN".equalsIgnoreCase(tagged.value())) {
                    personAnswered(attempt, tagged.at());
                }
            });
        }
    }

    /** A customer-first call reached the campaign queue: a person answered. */
    void queued(CallQueued queued) {
        inFlight.byCall(queued.callId()).ifPresent(attempt -> personAnswered(attempt, queued.at()));
    }

    void answered(CallAnswered answered) {
        inFlight.byCall(answered.callId()).ifPresent(attempt -> {
            personAnswered(attempt, answered.at());
            attempt.agentAt = answered.at();
        });
    }

    /** The PBX refused the originate before any channel existed: no call events will follow. */
    void originateFailed(OriginateFailed refused) {
        inFlight.byAction(refused.actionId())
                .filter(attempt -> attempt.callId == null)
                .ifPresent(attempt ->
                        ender.end(attempt, AttemptOutcomes.ofRefused(refused.outcome()), null, null, refused.at()));
    }

    void ended(CallEnded ended) {
        inFlight.byCall(ended.callId()).ifPresent(attempt -> ended(attempt, ended));
    }

    private void ended(Attempt attempt, CallEnded ended) {
        AttemptOutcome outcome = AttemptOutcomes.of(attempt, ended);
        boolean reachedPerson = outcome == AttemptOutcome.HUMAN_ANSWERED || outcome == AttemptOutcome.ABANDONED;
        if (attempt.ringing() && !reachedPerson) {
            paces.of(attempt.campaignId())
                    .ifPresent(pace -> pace.stats.attemptFailed(seconds(attempt.placedAt, ended.at())));
        } else if (attempt.humanAt == null && reachedPerson) {
            personAnswered(attempt, ended.answeredAt() != null ? ended.answeredAt() : ended.at());
        }
        if (outcome == AttemptOutcome.HUMAN_ANSWERED && attempt.predictiveOrProgressive) {
            paces.of(attempt.campaignId())
                    .ifPresent(pace -> pace.stats.agentFreed(ended.talkSeconds() + wrapUp.toSeconds()));
        }
        String agent = ended.finalAgent() != null ? ended.finalAgent() : ended.answeredBy();
        ender.end(attempt, outcome, ended.callId(), agent, ended.at());
    }

    private void personAnswered(Attempt attempt, Instant at) {
        if (attempt.humanAt == null && !attempt.machine) {
            attempt.humanAt = at;
            paces.of(attempt.campaignId()).ifPresent(pace -> pace.stats.attemptAnswered(seconds(attempt.placedAt, at)));
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }
}
