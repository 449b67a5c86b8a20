package io.switchboard.campaign.dialer;

import io.switchboard.campaign.AttemptOutcome;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.DialableLead;
import io.switchboard.campaign.OpenAttempts;
import io.switchboard.gateway.call.DialRequest;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.call.Pbxes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the PBX to dial claimed leads: customer first for the dialer, agent first for a preview. Every call carries
 * the channel variables that tie the PBX's call back to its campaign, lead and attempt. The PBX's answer comes back
 * on the dialer thread: an accepted originate is noted in the database (the attempt is never dialled again); for
 * the dialer's calls a refusal ends the attempt as failed, a request that never left is given back, and one without
 * an answer waits for its call's tag ({@link DialFailure}, {@link GiveBacks}). Dialer thread only, but for the count
 * of answers awaited, which a stopping dialer waits on.
 */
final class AttemptPlacer {

    private static final Logger log = LoggerFactory.getLogger(AttemptPlacer.class);
    /** The channel variable that names the attempt; its {@code CallTagged} event binds the call to the attempt. */
    static final String ATTEMPT_VARIABLE = "SWITCHBOARD_ATTEMPT";

    private final Supplier<Pbxes> pbxes;
    private final DialerProperties properties;
    private final InFlightAttempts inFlight;
    private final OpenAttempts open;
    private final AttemptEnder ender;
    private final GiveBacks giveBacks;
    private final Clock clock;
    /** Runs the PBX's answer on the dialer thread. */
    private final Executor dialerThread;
    /** Originates sent whose answer has not come back: a stopping dialer waits for them. */
    private final AtomicInteger awaiting = new AtomicInteger();

    AttemptPlacer(
            Supplier<Pbxes> pbxes,
            DialerProperties properties,
            InFlightAttempts inFlight,
            OpenAttempts open,
            AttemptEnder ender,
            GiveBacks giveBacks,
            Clock clock,
            Executor dialerThread) {
        this.pbxes = pbxes;
        this.properties = properties;
        this.inFlight = inFlight;
        this.open = open;
        this.ender = ender;
        this.giveBacks = giveBacks;
        this.clock = clock;
        this.dialerThread = dialerThread;
    }

    /** Dials the lead customer first through {@code pbx}; an answered call continues to the campaign's queue there. */
    void place(Campaign campaign, DialableLead lead, Instant now, CampaignPace pace, String pbx) {
        Attempt attempt = new Attempt(lead, now, true, pbx);
        attempt.answerPending = true;
        inFlight.add(attempt);
        pace.stats.attemptPlaced();
        DialRequest request = new DialRequest(
                lead.number(),
                campaign.settings().callerId(),
                properties.connectContext(),
                campaign.settings().queue(),
                properties.ringTimeout(),
                variables(lead));
        CompletableFuture<String> dialled;
        try {
            dialled = commands(pbx).dial(request);
        } catch (RuntimeException e) {
            dialled = CompletableFuture.failedFuture(e);
        }
        awaiting.incrementAndGet();
        dialled.whenComplete((actionId, failure) -> {
            try {
                dialerThread.execute(() -> placed(attempt, actionId, failure));
            } catch (RejectedExecutionException stopped) {
                // the dialer stopped without waiting: the next dialer finds the attempt in the database
            } finally {
                awaiting.decrementAndGet();
            }
        });
    }

    /** Originates sent whose answer has not been handed to the dialer thread yet. */
    int awaitingAnswers() {
        return awaiting.get();
    }

    /**
     * Dials the lead from the agent's own phone (agent first).
     *
     * @param placed completed with the originate's action id, or with the PBX's refusal
     */
    void preview(
            DialableLead lead, String agentExtension, String callerId, String pbx, CompletableFuture<String> placed) {
        Attempt attempt = new Attempt(lead, clock.instant(), false, pbx);
        inFlight.add(attempt);
        CompletableFuture<String> originated;
        try {
            originated = commands(pbx).originate(agentExtension, lead.number(), callerId, variables(lead));
        } catch (RuntimeException e) {
            // no PBX connected: the agent hears of it at once and the attempt ends as failed
            originated = CompletableFuture.failedFuture(e);
        }
        originated.whenComplete((actionId, failure) -> dialerThread.execute(() -> {
            placed(attempt, actionId, failure);
            if (failure != null) {
                placed.completeExceptionally(failure);
            } else {
                placed.complete(actionId);
            }
        }));
    }

    /** The PBX's commands: its link's, on the node that owns it (or relayed there). */
    private PbxCommands commands(String pbx) {
        return pbxes.get().commands(pbx);
    }

    private static Map<String, String> variables(DialableLead lead) {
        return Map.of(
                "SWITCHBOARD_CAMPAIGN",
                lead.campaignId().toString(),
                "SWITCHBOARD_LEAD",
                lead.leadId().toString(),
                ATTEMPT_VARIABLE,
                lead.attemptId().toString());
    }

    private void placed(Attempt attempt, String actionId, Throwable failure) {
        attempt.answerPending = false;
        if (!inFlight.follows(attempt.attemptId())) {
            return; // ended meanwhile (its call's end came first)
        }
        if (failure == null) {
            inFlight.placed(attempt, actionId);
            try {
                open.accepted(attempt.attemptId(), actionId);
            } catch (RuntimeException e) {
                // the call's tag binds it all the same, on the node that owns the PBX's link
                log.warn("Could not note that the PBX accepted attempt {}: {}", attempt.attemptId(), e.toString());
            }
            return;
        }
        DialFailure kind = attempt.predictiveOrProgressive ? DialFailure.of(failure) : DialFailure.REFUSED;
        switch (kind) {
            case REFUSED -> {
                log.warn("The PBX refused to dial lead {}: {}", attempt.lead.leadId(), failure.getMessage());
                ender.end(attempt, AttemptOutcome.FAILED, null, null, clock.instant());
            }
            case NOT_SENT -> giveBacks.notSent(attempt, clock.instant());
            case UNKNOWN ->
                log.warn(
                        "No answer to the dial of lead {} from PBX '{}' ({}); its call's tag decides whether it is dialled"
                                + " again",
                        attempt.lead.leadId(),
                        attempt.pbx,
                        failure.getMessage());
        }
    }
}
