package io.switchboard.campaign.dialer;

import io.switchboard.campaign.AttemptId;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.DialableLead;
import java.time.Instant;

/** One dial in progress on this node, from the originate until its outcome is recorded. Dialer thread only. */
final class Attempt {

    final DialableLead lead;
    final Instant placedAt;
    /** Placed by the dialer (customer first) rather than by an agent in preview mode (agent first). */
    final boolean predictiveOrProgressive;
    /** The PBX the call was asked of. */
    final String pbx;

    String actionId;
    String callId;
    /** The originate was sent and its answer has not come back yet. */
    boolean answerPending;
    /** The PBX accepted the originate (here, or on the dialer this attempt was adopted from). */
    boolean reachedPbx;
    /** When a person was found on the line (the call reached the campaign queue); null until then. */
    Instant humanAt;

    boolean machine;
    /** When an agent took the call; null until then. */
    Instant agentAt;

    Attempt(DialableLead lead, Instant placedAt, boolean predictiveOrProgressive, String pbx) {
        this.lead = lead;
        this.placedAt = placedAt;
        this.predictiveOrProgressive = predictiveOrProgressive;
        this.pbx = pbx;
    }

    AttemptId attemptId() {
        return lead.attemptId();
    }

    CampaignId campaignId() {
        return lead.campaignId();
    }

    /** Whether the call is known to have reached the PBX: its originate accepted, or its call tagged. */
    boolean confirmed() {
        return reachedPbx || callId != null;
    }

    /** Still ringing at the customer, or in answering-machine detection. */
    boolean ringing() {
        return humanAt == null && !machine;
    }

    /** A person answered and waits in the campaign queue for an agent. */
    boolean waitingForAgent() {
        return humanAt != null && agentAt == null;
    }
}
