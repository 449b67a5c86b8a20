package io.switchboard.campaign;

import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What an attempt's end and an agent's disposition do to a lead: the rules of a lead's life, without SQL (reading,
 * locking and writing are {@link LeadStore}'s).
 */
final class LeadRules {

    private LeadRules() {}

    /**
     * A lead's next state.
     *
     * @param callbackAgent the agent a personal callback waits for; {@code null} for anyone's lead
     */
    record Next(LeadStatus status, Instant nextAttemptAt, Long callbackAgent) {}

    /** Whether the end of this attempt decides the lead: not when the agent disposed already or it was released. */
    static boolean endDecides(LeadRow lead, AttemptId attemptId) {
        return isCurrent(lead, attemptId) && lead.status == LeadStatus.DIALING;
    }

    /**
     * A person who answered waits for the agent's disposition, a do-not-call block finishes the lead, other outcomes
     * make it due again after the outcome's delay unless its attempts are used up.
     */
    static Next afterEnd(LeadRow lead, AttemptOutcome outcome, Instant at, CampaignSettings settings) {
        return switch (outcome) {
            case HUMAN_ANSWERED -> new Next(LeadStatus.CONNECTED, lead.nextAttemptAt, null);
            case DNC_BLOCKED -> new Next(LeadStatus.DNC, lead.nextAttemptAt, null);
            default -> retryOrExhausted(lead, settings, () -> at.plus(settings.retryDelay(outcome)));
        };
    }

    /** Whether a disposition of this attempt moves the lead: the attempt is its current one, dialling or connected. */
    static boolean dispositionDecides(LeadRow lead, AttemptId attemptId) {
        return isCurrent(lead, attemptId) && (lead.status == LeadStatus.DIALING || lead.status == LeadStatus.CONNECTED);
    }

    /**
     * Final, again after the disposition's delay, a callback at {@code callbackAt} (for anyone, or {@code personal}ly
     * for the attempt's agent), or do-not-call.
     *
     * @param agent the attempt's agent, or the disposing user when the attempt had none
     */
    static Next afterDisposition(
            LeadRow lead,
            CampaignSettings settings,
            CampaignDisposition disposition,
            Optional<Instant> callbackAt,
            boolean personal,
            long agent,
            Instant now) {
        return switch (disposition.action()) {
            case FINAL -> new Next(LeadStatus.DONE, lead.nextAttemptAt, null);
            case DNC -> new Next(LeadStatus.DNC, lead.nextAttemptAt, null);
            case CALLBACK -> new Next(LeadStatus.CALLBACK, callbackAt.orElseThrow(), personal ? agent : null);
            case RETRY -> retryOrExhausted(lead, settings, () -> now.plus(disposition.retryDelay()));
        };
    }

    /**
     * The disposition's code must be on the campaign's list, given once, and a callback needs its time.
     *
     * @throws InvalidCampaignException for a code not on the campaign's list, or a callback without a time
     * @throws CampaignStateException when the attempt was disposed already
     */
    static CampaignDisposition disposition(
            Campaign campaign, LeadStore.AttemptRow attempt, String code, Optional<Instant> callbackAt) {
        CampaignDisposition disposition = campaign.settings()
                .disposition(code)
                .orElseThrow(() -> new InvalidCampaignException(
                        "disposition", "campaign " + campaign.id() + " has no disposition " + code));
        if (attempt.disposition() != null) {
            throw new CampaignStateException("attempt " + attempt.id() + " is disposed already");
        }
        if (disposition.action() == DispositionAction.CALLBACK && callbackAt.isEmpty()) {
            throw new InvalidCampaignException("callbackAt", "a callback needs the time to call back");
        }
        return disposition;
    }

    /**
     * An agent disposes their own attempts (one nobody took: when assigned to the campaign); supervisors any.
     *
     * @throws CampaignAccessDeniedException when the attempt is another agent's
     */
    static void checkMayDispose(LeadStore.AttemptRow attempt, Campaign campaign, Viewer viewer) {
        boolean own = attempt.agentId() == null
                ? campaign.settings().agents().contains(viewer.user())
                : attempt.agentId() == viewer.user().value();
        if (!own && !CampaignAccess.oversees(viewer)) {
            throw new CampaignAccessDeniedException("attempt " + attempt.id() + " is another agent's");
        }
    }

    /** The agent a preview claim is for may claim: assigned to the campaign, or one who manages campaigns. */
    static void checkMayClaim(Campaign campaign, Viewer agent) {
        if (!campaign.settings().agents().contains(agent.user()) && !CampaignAccess.manages(agent)) {
            throw new CampaignAccessDeniedException("not assigned to campaign " + campaign.id());
        }
    }

    static long agentOf(LeadStore.AttemptRow attempt, UserId disposing) {
        return attempt.agentId() != null ? attempt.agentId() : disposing.value();
    }

    private static Next retryOrExhausted(LeadRow lead, CampaignSettings settings, Supplier<Instant> retryAt) {
        return lead.attempts >= settings.maxAttempts()
                ? new Next(LeadStatus.EXHAUSTED, lead.nextAttemptAt, null)
                : new Next(LeadStatus.RETRY, retryAt.get(), null);
    }

    private static boolean isCurrent(LeadRow lead, AttemptId attemptId) {
        return lead.currentAttemptId != null && lead.currentAttemptId == attemptId.value();
    }
}
