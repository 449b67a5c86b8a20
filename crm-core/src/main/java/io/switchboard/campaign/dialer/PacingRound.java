package io.switchboard.campaign.dialer;

import io.switchboard.campaign.AttemptId;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.DialableLead;
import io.switchboard.campaign.LeadQueue;
import io.switchboard.campaign.OpenAttempts;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.campaign.pacing.Pacer;
import io.switchboard.campaign.pacing.PacingDecision;
import io.switchboard.campaign.pacing.PacingInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One campaign's share of a dialer round: the pacer decides how many calls to place from the free agents (on every
 * PBX), the calls in flight and the day's abandon budget; no more than the campaign's PBXes' trunks have room for
 * are claimed; each goes to a PBX ({@link PbxChoice}), is marked as placed there and dialled; and the round's view
 * is published for the progress page and the gauges. Dialer thread only.
 */
final class PacingRound {

    private final LeadQueue leads;
    private final OpenAttempts open;
    private final Pacer pacer;
    private final QueueMembers members;
    private final InFlightAttempts inFlight;
    private final CampaignPaces paces;
    private final AttemptPlacer placer;
    private final PbxChoice choice;

    PacingRound(
            LeadQueue leads,
            OpenAttempts open,
            Pacer pacer,
            QueueMembers members,
            InFlightAttempts inFlight,
            CampaignPaces paces,
            AttemptPlacer placer) {
        this.leads = leads;
        this.open = open;
        this.pacer = pacer;
        this.members = members;
        this.inFlight = inFlight;
        this.paces = paces;
        this.placer = placer;
        this.choice = new PbxChoice(members, inFlight);
    }

    void pace(Campaign campaign, Instant now, TrunkRoom room) {
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
        int wanted = Math.min(decision.callsToPlace(), choice.roomFor(campaign, room));
        if (wanted > 0 && campaign.settings().dialMode() != DialMode.PREVIEW) {
            placed = place(campaign, leads.claim(campaign.id(), wanted, now), now, room, pace);
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

    /** Sends each claimed lead to a PBX, stores where before any call is asked for, then dials them. */
    private int place(Campaign campaign, List<DialableLead> claimed, Instant now, TrunkRoom room, CampaignPace pace) {
        Map<DialableLead, String> pbxOf = new LinkedHashMap<>();
        Map<String, Integer> chosen = new HashMap<>();
        for (DialableLead lead : claimed) {
            // the room was counted before the claim, so every claimed lead finds a PBX
            choice.forDialer(campaign, room, chosen).ifPresent(pbx -> pbxOf.put(lead, pbx));
        }
        Map<String, List<AttemptId>> byPbx = new HashMap<>();
        pbxOf.forEach((lead, pbx) ->
                byPbx.computeIfAbsent(pbx, p -> new ArrayList<>()).add(lead.attemptId()));
        byPbx.forEach((pbx, attempts) -> open.placed(attempts, pbx, now));
        pbxOf.forEach((lead, pbx) -> placer.place(campaign, lead, now, pace, pbx));
        return pbxOf.size();
    }
}
