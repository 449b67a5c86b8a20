package io.switchboard.campaign.dialer;

import io.switchboard.campaign.AttemptId;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.DialableLead;
import io.switchboard.campaign.OpenAttempts;
import io.switchboard.directory.UserId;
import io.switchboard.gateway.call.PbxCommandException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An agent dials a lead they previewed (taken through any node): through the PBX of their phone, when the campaign
 * dials through it and its trunk has room; the attempt is marked as dialled in the database first, so it is dialled once whichever nodes
 * the agent's requests reach. Dialer thread only.
 */
final class PreviewDials {

    private final OpenAttempts open;
    private final PbxChoice choice;
    private final AttemptPlacer placer;

    PreviewDials(OpenAttempts open, PbxChoice choice, AttemptPlacer placer) {
        this.open = open;
        this.choice = choice;
        this.placer = placer;
    }

    /**
     * @param result completed with the originate's action id; empty when the agent has no such previewed lead;
     *     failed with the PBX's refusal, when the agent's PBX has no room (the lead stays the agent's), or when the
     *     campaign does not dial through it
     */
    void dial(
            Campaign campaign,
            AttemptId attemptId,
            UserId agent,
            String agentPbx,
            String agentExtension,
            Instant now,
            TrunkRoom room,
            CompletableFuture<Optional<String>> result) {
        if (!open.previewedBy(attemptId, agent)) {
            // not theirs, dialled already or ended: that answer comes before any word about the lines
            result.complete(Optional.empty());
            return;
        }
        String pbx = choice.forAgent(campaign, room, agentPbx)
                .orElseThrow(() -> new PbxCommandException(
                        "Every line of PBX '" + agentPbx + "' is busy with campaign calls; try again shortly"));
        Optional<DialableLead> lead = open.takePreviewForDial(attemptId, agent, pbx, now);
        if (lead.isEmpty()) {
            result.complete(Optional.empty());
            return;
        }
        CompletableFuture<String> placed = new CompletableFuture<>();
        placer.preview(lead.get(), agentExtension, campaign.settings().callerId(), pbx, placed);
        placed.whenComplete((actionId, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(Optional.of(actionId));
            }
        });
    }
}
