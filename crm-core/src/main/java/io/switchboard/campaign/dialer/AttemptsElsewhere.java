package io.switchboard.campaign.dialer;

import io.switchboard.campaign.AttemptId;
import io.switchboard.campaign.OpenAttempts;
import io.switchboard.campaign.OpenAttempts.PlacedAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's view of what other nodes did to attempts, from the database: the calls another node placed that are
 * still up when this node takes the dialer over, and the ends another node recorded (the owner of the call's PBX)
 * for attempts followed here. Dialer thread only.
 */
final class AttemptsElsewhere {

    private static final Logger log = LoggerFactory.getLogger(AttemptsElsewhere.class);
    /** How often attempts followed here are checked for an end another node recorded. */
    private static final Duration PRUNE_EVERY = Duration.ofSeconds(2);

    private final OpenAttempts open;
    private final InFlightAttempts inFlight;
    private final Duration lostAfter;
    private Instant lastPrune = Instant.EPOCH;

    AttemptsElsewhere(OpenAttempts open, InFlightAttempts inFlight, Duration lostAfter) {
        this.open = open;
        this.inFlight = inFlight;
        this.lostAfter = lostAfter;
    }

    /**
     * This node now dials: the calls other nodes placed that are still up are followed here, so the pacer counts
     * them as ringing or waiting for an agent instead of dialling again for the same free agents. Their end comes
     * with their call's events, or from the database ({@link #pruneEnded}).
     */
    void adopt(Instant now) {
        int adopted = 0;
        for (PlacedAttempt placed : open.placedSince(now.minus(lostAfter))) {
            if (inFlight.follows(placed.lead().attemptId())) {
                continue;
            }
            Attempt attempt = new Attempt(placed.lead(), placed.dialedAt(), !placed.agentFirst(), placed.pbx());
            // accepted by the PBX: followed to its end; without an answer: given back unless its call shows up
            attempt.reachedPbx = placed.actionId() != null;
            inFlight.add(attempt);
            if (placed.callId() != null) {
                inFlight.bind(attempt.attemptId(), placed.callId());
            }
            adopted++;
        }
        if (adopted > 0) {
            log.info("Following {} calls in flight that other nodes placed", adopted);
        }
    }

    /**
     * Attempts followed here whose end another node recorded (when this node missed the relayed end, or adopted an
     * attempt whose call had ended already) stop counting as calls in flight.
     */
    void pruneEnded(Instant now) {
        if (inFlight.isEmpty() || Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
            return;
        }
        lastPrune = now;
        List<Attempt> followed = inFlight.all();
        // ended a while ago: the end's own event, on its way to this node, still counts it for the pacer's estimates
        Set<AttemptId> ended = open.endedBefore(
                followed.stream().map(Attempt::attemptId).toList(), now.minus(PRUNE_EVERY.multipliedBy(5)));
        for (Attempt attempt : followed) {
            if (ended.contains(attempt.attemptId())) {
                inFlight.remove(attempt);
            }
        }
    }
}
