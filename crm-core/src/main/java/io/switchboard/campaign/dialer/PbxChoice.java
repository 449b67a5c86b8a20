package io.switchboard.campaign.dialer;

import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignStateException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which PBX a campaign call goes through: one the campaign may use whose trunk has room, and where the campaign's
 * agents are, since an answered customer-first call waits in the campaign queue of the PBX that dialled it. The
 * dialer's thread only.
 */
final class PbxChoice {

    private final QueueMembers members;
    private final InFlightAttempts inFlight;

    PbxChoice(QueueMembers members, InFlightAttempts inFlight) {
        this.members = members;
        this.inFlight = inFlight;
    }

    /**
     * For the dialer: the usable PBX with the most of the queue's agents free for another call (free agents there,
     * less the campaign's calls there still without an agent, less the calls already chosen for it this round); the
     * one with more room on a tie. A PBX where nobody is logged in to the queue is used only when no usable PBX has
     * anyone (the agents' states are not known yet).
     *
     * @param chosen calls already sent to each PBX this round, updated with the choice
     */
    Optional<String> forDialer(Campaign campaign, TrunkRoom room, Map<String, Integer> chosen) {
        String queue = campaign.settings().queue();
        String best = null;
        int bestFree = Integer.MIN_VALUE;
        for (String pbx : candidates(campaign, room)) {
            QueueMembers.Counts agents = members.of(queue, pbx);
            int free = agents.ready() - inFlight.withoutAgent(campaign.id(), pbx) - chosen.getOrDefault(pbx, 0);
            if (best == null || free > bestFree || (free == bestFree && room.room(pbx) > room.room(best))) {
                best = pbx;
                bestFree = free;
            }
        }
        if (best != null) {
            chosen.merge(best, 1, Integer::sum);
            room.take(best);
        }
        return Optional.ofNullable(best);
    }

    /** How many calls the dialer may place for the campaign now: the room on its {@link #candidates}. */
    int roomFor(Campaign campaign, TrunkRoom room) {
        long total = 0;
        for (String pbx : candidates(campaign, room)) {
            total += room.room(pbx);
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    /** The PBXes the campaign may use with room, where anyone is in its queue (all of them when nobody is anywhere). */
    private List<String> candidates(Campaign campaign, TrunkRoom room) {
        String queue = campaign.settings().queue();
        List<String> usable = room.usable(campaign.settings());
        List<String> staffed =
                usable.stream().filter(pbx -> members.of(queue, pbx).anyone()).toList();
        return staffed.isEmpty() ? usable : staffed;
    }

    /**
     * For an agent dialling a previewed lead: the PBX of their own phone (the call starts there), if the campaign may
     * dial through it.
     *
     * @throws CampaignStateException when the campaign does not dial through the agent's PBX
     */
    Optional<String> forAgent(Campaign campaign, TrunkRoom room, String agentPbx) {
        if (!campaign.settings().mayUse(agentPbx)) {
            throw new CampaignStateException("Your phone is on PBX '" + agentPbx + "', which campaign '"
                    + campaign.name() + "' does not dial through");
        }
        return room.room(agentPbx) > 0 ? Optional.of(agentPbx) : Optional.empty();
    }
}
