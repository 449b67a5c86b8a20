package io.switchboard.campaign.dialer;

import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.DialableLead;
import io.switchboard.campaign.LeadQueue;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.campaign.pacing.Pacer;
import io.switchboard.campaign.pacing.PacingDecision;
import io.switchboard.campaign.pacing.PacingInput;
import java.time.Instant;

/**
 * One campaign's share of a dialer round: the pacer decides how many calls to place from the free agents, the calls
 * in flight and the day's abandon budget; that many leads are claimed and dialled; and the round's view is
 * published for the progress page and the gauges. Dialer thread only.
 */
final class PacingRound {

    private final LeadQueue leads;
    private final Pacer pacer;
    private final QueueMembers members;
    private final InFlightAttempts inFlight;
    private final CampaignPaces paces;
    private final AttemptPlacer placer;

    PacingRound(
            LeadQueue leads,
            Pacer pacer,
            QueueMembers members,
            InFlightAttempts inFlight,
            CampaignPaces paces,
            AttemptPlacer placer) {
        this.leads = leads;
        this.pacer = pacer;
        this.members = members;
        this.inFlight = inFlight;
        this.paces = paces;
        this.placer = placer;
    }

    void pace(Campaign campaign, Instant now) {
        CampaignPace pace = paces.today(campaign.id(), now);
        QueueMembers.Counts agents = members.of(campaign.settings().queue());
        int ringing = inFlight.ringing(campaign.id());
        PacingDecision decision = pacer.decide(new PacingInput(
                campaign.settings().dialMode(),
                agents.ready(),
                agents.busy(),
                ringing,
                inFlight.waitingForAgent(campaign.id()),
                pace.answeredToday,
                pace.abandonedToday,
                campaign.settings().abandonCap(),
                pace.stats.estimate()));
        pace.lastDecision = decision;
        int placed = 0;
        if (decision.callsToPlace() > 0 && campaign.settings().dialMode() != DialMode.PREVIEW) {
            for (DialableLead lead : leads.claim(campaign.id(), decision.callsToPlace(), now)) {
                placer.place(campaign, lead, now, pace);
                placed++;
            }
        }
        paces.show(new DialerView(
                campaign.id(),
                now,
                decision,
                inFlight.inProgress(campaign.id()),
                ringing + placed,
                agents.ready(),
                agents.busy(),
                agents.paused(),
                pace.answeredToday,
                pace.abandonedToday,
                pace.abandonRate()));
    }
}
