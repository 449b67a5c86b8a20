package io.switchboard.campaign.dialer;

import io.switchboard.campaign.LeadQueue;
import io.switchboard.campaign.OpenAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the attempts whose call never reached the PBX, so that every lead is dialled once even when the
 * dialing node stops mid-request: the claim is undone (the lead waits again, the attempt not counted) and the next
 * round, here or on the node that takes the dialer over, dials it. An attempt that reached the PBX (its originate
 * accepted, or its call bound by the link's owner from the call's {@code SWITCHBOARD_ATTEMPT} tag) is never given
 * back: its call's events end it. Dialer thread only.
 */
final class GiveBacks {

    private static final Logger log = LoggerFactory.getLogger(GiveBacks.class);
    /**
     * A lead whose originate was not sent (its PBX's link down, say) waits this long before it is claimed again, so
     * a PBX that cannot be reached is not asked every round.
     */
    static final Duration NOT_SENT_PAUSE = Duration.ofSeconds(2);

    private final LeadQueue leads;
    private final OpenAttempts open;
    private final InFlightAttempts inFlight;
    private final Duration confirmWithin;

    GiveBacks(LeadQueue leads, OpenAttempts open, InFlightAttempts inFlight, Duration confirmWithin) {
        this.leads = leads;
        this.open = open;
        this.inFlight = inFlight;
        this.confirmWithin = confirmWithin;
    }

    /** The originate never left for the PBX: the lead is dialled again shortly. */
    void notSent(Attempt attempt, Instant now) {
        inFlight.remove(attempt);
        if (leads.giveBack(attempt.attemptId(), now.plus(NOT_SENT_PAUSE))) {
            log.info(
                    "The call of lead {} was not sent to PBX '{}'; it is dialled again",
                    attempt.lead.leadId(),
                    attempt.pbx);
        }
    }

    /** This node takes the dialer over: the leads the stopped dialer claimed and never dialled are dialled now. */
    void unplaced() {
        int given = leads.giveBackUnplaced();
        if (given > 0) {
            log.info("Gave back {} leads the previous dialer claimed and never dialled", given);
        }
    }

    /**
     * Attempts whose originate got no answer (from this dialer, or adopted from a stopped one) and whose call the PBX
     * never tagged within {@code confirmWithin} of the request did not reach it: they are given back. One whose call
     * was bound or that ended meanwhile on another node is followed, or dropped, instead.
     */
    void resolveUnconfirmed(Instant now) {
        for (Attempt attempt : inFlight.unconfirmedBefore(now.minus(confirmWithin))) {
            if (leads.giveBack(attempt.attemptId(), now)) {
                inFlight.remove(attempt);
                log.info(
                        "The call of lead {} never showed on PBX '{}' within {}; it is dialled again",
                        attempt.lead.leadId(),
                        attempt.pbx,
                        confirmWithin);
                continue;
            }
            Optional<String> call = open.boundCall(attempt.attemptId());
            if (call.isPresent()) {
                inFlight.bind(attempt.attemptId(), call.get());
            } else if (open.open(attempt.attemptId()).isEmpty()) {
                inFlight.remove(attempt); // ended (or given back) by another node
            } else {
                attempt.reachedPbx = true; // its originate was accepted on the node that asked
            }
        }
    }
}
