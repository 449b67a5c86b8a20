package io.switchboard.campaign.dialer;

import io.switchboard.campaign.AttemptId;
import io.switchboard.campaign.CampaignId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dials this node placed that have no outcome yet, found by attempt id (the channel variable
 * {@code SWITCHBOARD_ATTEMPT}), by the originate's action id (an originate that failed before any channel existed)
 * and by the PBX's call id. Dialer thread only.
 */
final class InFlightAttempts {

    private final Map<AttemptId, Attempt> byAttempt = new HashMap<>();
    private final Map<String, Attempt> byAction = new HashMap<>();
    private final Map<String, Attempt> byCall = new HashMap<>();

    void add(Attempt attempt) {
        byAttempt.put(attempt.attemptId(), attempt);
    }

    void placed(Attempt attempt, String actionId) {
        attempt.actionId = actionId;
        attempt.reachedPbx = true;
        byAction.put(actionId, attempt);
    }

    /** The call the PBX made for this attempt; its later events are found by the call id. */
    void bind(AttemptId attemptId, String callId) {
        Attempt attempt = byAttempt.get(attemptId);
        if (attempt != null && attempt.callId == null) {
            attempt.callId = callId;
            byCall.put(callId, attempt);
        }
    }

    Optional<Attempt> byCall(String callId) {
        return Optional.ofNullable(byCall.get(callId));
    }

    Optional<Attempt> byAction(String actionId) {
        return Optional.ofNullable(byAction.get(actionId));
    }

    void remove(Attempt attempt) {
        byAttempt.remove(attempt.attemptId());
        if (attempt.actionId != null) {
            byAction.remove(attempt.actionId);
        }
        if (attempt.callId != null) {
            byCall.remove(attempt.callId);
        }
    }

    int inProgress(CampaignId campaignId) {
        int count = 0;
        for (Attempt attempt : byAttempt.values()) {
            if (attempt.campaignId().equals(campaignId)) {
                count++;
            }
        }
        return count;
    }

    int ringing(CampaignId campaignId) {
        int count = 0;
        for (Attempt attempt : byAttempt.values()) {
            if (attempt.campaignId().equals(campaignId) && attempt.ringing()) {
                count++;
            }
        }
        return count;
    }

    int waitingForAgent(CampaignId campaignId) {
        int count = 0;
        for (Attempt attempt : byAttempt.values()) {
            if (attempt.campaignId().equals(campaignId) && attempt.waitingForAgent()) {
                count++;
            }
        }
        return count;
    }

    /** The campaign's calls on {@code pbx} that have no agent yet: ringing, or a person waiting for one. */
    int withoutAgent(CampaignId campaignId, String pbx) {
        int count = 0;
        for (Attempt attempt : byAttempt.values()) {
            if (attempt.campaignId().equals(campaignId)
                    && pbx.equals(attempt.pbx)
                    && (attempt.ringing() || attempt.waitingForAgent())) {
                count++;
            }
        }
        return count;
    }

    /** Every attempt followed here. */
    List<Attempt> all() {
        return new ArrayList<>(byAttempt.values());
    }

    boolean follows(AttemptId attemptId) {
        return byAttempt.containsKey(attemptId);
    }

    /** Attempts placed before {@code cutoff} that never ended: their PBX events were lost. */
    List<Attempt> placedBefore(Instant cutoff) {
        List<Attempt> stuck = new ArrayList<>();
        for (Attempt attempt : byAttempt.values()) {
            if (attempt.placedAt.isBefore(cutoff)) {
                stuck.add(attempt);
            }
        }
        return stuck;
    }

    /**
     * Attempts placed before {@code cutoff} whose originate got no answer and whose call was never tagged: whether
     * the PBX has them is unknown.
     */
    List<Attempt> unconfirmedBefore(Instant cutoff) {
        List<Attempt> unconfirmed = new ArrayList<>();
        for (Attempt attempt : byAttempt.values()) {
            if (!attempt.answerPending && !attempt.confirmed() && attempt.placedAt.isBefore(cutoff)) {
                unconfirmed.add(attempt);
            }
        }
        return unconfirmed;
    }

    boolean isEmpty() {
        return byAttempt.isEmpty();
    }
}
