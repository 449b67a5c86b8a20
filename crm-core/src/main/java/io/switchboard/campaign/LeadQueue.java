package io.switchboard.campaign;

import io.switchboard.campaign.LeadRules.Next;
import io.switchboard.campaign.LeadStore.AttemptRow;
import io.switchboard.campaign.LeadStore.Target;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.contact.ContactId;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dialer's (and previewing agents') view of a campaign's leads: which to dial next, and what an attempt's end
 * and the agent's disposition do to the lead.
 *
 * <p>A lead is dialable when it waits (new, retry or callback), is due, has attempts left (callbacks always do),
 * is not a personal callback, and it is calling time in its own zone. The zones open now are worked out in Java
 * from the campaign's call window, and the database filters by them: no lead is looked at one by one. Claimed rows
 * are locked with {@code for update skip locked}, so two dialers never get the same lead. Do-not-call lists are
 * checked again on the claimed leads; a blocked one is finished as {@link LeadStatus#DNC} and never dialled.
 *
 * <p>The rules of what an end or a disposition does to a lead are {@link LeadRules}'; the SQL is {@link LeadStore}'s.
 */
public class LeadQueue {

    /** A lead an agent skipped in preview waits this long before it is offered again (to anyone). */
    public static final Duration SKIPPED_DUE_AGAIN_AFTER = Duration.ofMinutes(10);

    /** Rounds of claiming when do-not-call entries remove claimed leads. */
    private static final int MAX_ROUNDS = 3;

    /** The disposition given to an answered call its agent never disposed. */
    public static final String NO_DISPOSITION = "NO_DISPOSITION";

    private final LeadStore store;
    private final Campaigns campaigns;
    private final DoNotCallLists doNotCall;
    private final Directory directory;
    private final TransactionTemplate transactions;
    private final CampaignMetrics metrics;
    private final Clock clock;

    LeadQueue(
            NamedParameterJdbcTemplate jdbc,
            Campaigns campaigns,
            DoNotCallLists doNotCall,
            Directory directory,
            TransactionTemplate transactions,
            CampaignMetrics metrics,
            Clock clock) {
        this.store = new LeadStore(jdbc);
        this.campaigns = campaigns;
        this.doNotCall = doNotCall;
        this.directory = directory;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Claims up to {@code max} dialable leads of a running campaign for the dialer: each is marked
     * {@link LeadStatus#DIALING} and gets an attempt. Empty when the campaign is not running.
     */
    public List<DialableLead> claim(CampaignId campaignId, int max, Instant now) {
        Campaign campaign =
                campaigns.find(campaignId).orElseThrow(() -> CampaignNotFoundException.campaign(campaignId));
        if (!campaign.running() || max < 1) {
            return List.of();
        }
        List<DialableLead> claimed = transactions.execute(status -> claim(campaign, Target.DIALER, null, max, now));
        metrics.claimed(campaign.settings().dialMode(), claimed.size());
        return claimed;
    }

    /**
     * One lead for an agent to dial themselves: their own personal callbacks that are due first, then (in preview
     * campaigns only) the next dialable lead. Empty when there is none or the campaign is not running.
     *
     * @throws CampaignAccessDeniedException when the agent is not assigned to the campaign
     */
    public Optional<DialableLead> claimPreview(CampaignId campaignId, Viewer agent, Instant now) {
        return claimPreview(campaignId, agent, now, Optional.empty());
    }

    /**
     * As {@link #claimPreview(CampaignId, Viewer, Instant)}, the agent first skipping the lead she was shown: when
     * {@code skipped} is her taken and undialled attempt, it is given back (not counted, the lead due again
     * {@link #SKIPPED_DUE_AGAIN_AFTER} later, for anyone) and another lead is offered. A skip of an attempt that is not
     * hers, or was dialled meanwhile, changes nothing. Without a skip, a lead she took and never dialled (her dial
     * request lost, the page left) is offered to her again first.
     */
    public Optional<DialableLead> claimPreview(
            CampaignId campaignId, Viewer agent, Instant now, Optional<AttemptId> skipped) {
        Campaign campaign = campaigns.get(campaignId, agent);
        LeadRules.checkMayClaim(campaign, agent);
        if (!campaign.running()) {
            return Optional.empty();
        }
        return transactions.execute(status -> {
            skipped.ifPresent(attempt -> store.undialledTakenBy(campaign.id(), agent.user())
                    .filter(taken -> taken.id().equals(attempt))
                    .ifPresent(taken -> store.giveBack(attempt, now.plus(SKIPPED_DUE_AGAIN_AFTER), now)));
            Optional<DialableLead> taken = takenAndUndialled(campaign, agent.user(), now);
            if (taken.isPresent()) {
                return taken;
            }
            List<DialableLead> own = claim(campaign, Target.PERSONAL_CALLBACKS, agent.user(), 1, now);
            if (own.isEmpty() && campaign.settings().dialMode() == DialMode.PREVIEW) {
                own = claim(campaign, Target.DIALER, agent.user(), 1, now);
            }
            return own.stream().findFirst();
        });
    }

    /**
     * The dial ended. Applies the campaign's retry rules ({@link LeadRules#afterEnd}). Reporting the same end twice
     * changes nothing.
     *
     * @param callId the PBX's call id, {@code null} when no call came about
     * @param agent the agent's extension or username, {@code null} when no agent took the call
     */
    public void attemptEnded(AttemptId attemptId, AttemptOutcome outcome, String callId, String agent, Instant at) {
        boolean ended = Boolean.TRUE.equals(transactions.execute(status -> {
            AttemptRow attempt = store.lockAttempt(attemptId)
                    .orElseThrow(() -> new CampaignNotFoundException("no attempt " + attemptId));
            if (attempt.endedAt() != null) {
                return false;
            }
            Long agentId = agentNamed(agent).map(user -> user.id().value()).orElse(attempt.agentId());
            store.endAttempt(attemptId, outcome, callId, agentId, agent == null ? null : truncate(agent, 80), at);
            Campaign campaign = campaigns.find(attempt.campaignId()).orElseThrow();
            LeadRow lead = store.lockLead(attempt.leadId());
            if (LeadRules.endDecides(lead, attemptId)) {
                Next next = LeadRules.afterEnd(lead, outcome, at, campaign.settings());
                store.moveAfterEnd(lead.id, next, outcome, agentId, clock.instant());
            }
            return true;
        }));
        if (ended) {
            metrics.attemptEnded(outcome);
        }
    }

    /**
     * The agent's disposition of an attempt, from the campaign's list. It drives the lead
     * ({@link LeadRules#afterDisposition}); a do-not-call disposition also puts the number on the campaign's list.
     *
     * @throws InvalidCampaignException for a code not on the campaign's list, or a callback without a time
     * @throws CampaignStateException when the attempt was disposed already
     * @throws CampaignAccessDeniedException when the attempt is another agent's
     */
    public void dispose(
            AttemptId attemptId, String dispositionCode, Optional<Instant> callbackAt, boolean personal, Viewer agent) {
        DispositionAction action = transactions.execute(status -> {
            AttemptRow attempt = store.lockAttempt(attemptId)
                    .orElseThrow(() -> new CampaignNotFoundException("no attempt " + attemptId));
            Campaign campaign = campaigns.find(attempt.campaignId()).orElseThrow();
            LeadRules.checkMayDispose(attempt, campaign, agent);
            CampaignDisposition disposition = LeadRules.disposition(campaign, attempt, dispositionCode, callbackAt);
            Instant now = clock.instant();
            store.dispose(attemptId, disposition.code(), agent.user(), now);
            LeadRow lead = store.lockLead(attempt.leadId());
            if (disposition.action() == DispositionAction.DNC) {
                doNotCall.blockFromDisposition(
                        campaign.id(), lead.e164, "disposition " + disposition.code(), agent.user());
            }
            if (LeadRules.dispositionDecides(lead, attemptId)) {
                long by = LeadRules.agentOf(attempt, agent.user());
                Next next = LeadRules.afterDisposition(
                        lead, campaign.settings(), disposition, callbackAt, personal, by, now);
                store.moveAfterDisposition(lead.id, next, disposition.code(), by, now);
            }
            return disposition.action();
        });
        metrics.disposed(action);
    }

    /**
     * A call bound to its attempt is released only this many times later than {@code olderThan}: its link's owner
     * follows it and ends it (from its events, or from the PBX's listing after a reconnect), so a long call is not
     * taken for a lost one.
     */
    public static final int BOUND_CALL_FACTOR = 8;

    /**
     * Gives back leads whose attempt was started longer than {@code olderThan} ago and never ended (a dialer that
     * crashed): the attempt is closed as {@link AttemptOutcome#FAILED} without counting, and the lead is due now. An
     * attempt whose call is bound, only {@link #BOUND_CALL_FACTOR} times later (2 h with the default 15 min): the call
     * may still be up, its customer talking to an agent.
     *
     * @return the leads given back
     */
    public int releaseStale(Duration olderThan) {
        Instant now = clock.instant();
        int released = transactions.execute(status ->
                store.releaseStale(now.minus(olderThan), now.minus(olderThan.multipliedBy(BOUND_CALL_FACTOR)), now));
        metrics.released(released);
        return released;
    }

    /**
     * Gives back an attempt whose call never reached the PBX (the dialer stopped before it asked, or the PBX's link
     * refused to send it): the attempt is taken back as if never made and the lead is due again at {@code due}, its
     * attempt not counted, so the next dialer dials it once. Nothing changes once the attempt's call is bound, its
     * originate accepted, or it ended: it reached the PBX and is never dialled again.
     *
     * @return whether it was given back
     */
    public boolean giveBack(AttemptId attemptId, Instant due) {
        boolean given =
                Boolean.TRUE.equals(transactions.execute(status -> store.giveBack(attemptId, due, clock.instant())));
        if (given) {
            metrics.givenBack();
        }
        return given;
    }

    /**
     * Gives back (due now) every dialer attempt claimed and never placed: what a dialer that stopped between claiming
     * and dialling left, found by the node that takes the dialer over.
     *
     * @return the leads given back
     */
    public int giveBackUnplaced() {
        int given = 0;
        for (AttemptId attempt : store.unplacedDialerAttempts()) {
            if (giveBack(attempt, clock.instant())) {
                given++;
            }
        }
        return given;
    }

    /**
     * Closes answered calls nobody disposed within {@code olderThan} of their end (the agent left, or never does, like
     * the simulator's agents): the attempt gets {@link #NO_DISPOSITION} and the lead is done, as VICIdial's
     * disposition timeout does. Without it such leads would stay connected for ever.
     *
     * @return the leads closed
     */
    public int closeUndisposed(Duration olderThan) {
        Instant now = clock.instant();
        return transactions.execute(status -> store.closeUndisposed(NO_DISPOSITION, now.minus(olderThan), now));
    }

    private List<DialableLead> claim(Campaign campaign, Target target, UserId agent, int max, Instant now) {
        Set<String> zones = campaign.settings().callWindow().openZones(now);
        List<DialableLead> claimed = new ArrayList<>();
        if (zones.isEmpty()) {
            return claimed;
        }
        for (int round = 0; round < MAX_ROUNDS && claimed.size() < max; round++) {
            List<LeadRow> candidates = store.lockCandidates(campaign, target, agent, zones, max - claimed.size(), now);
            Set<String> blocked = doNotCall.blockedNumbers(
                    campaign.id(), candidates.stream().map(l -> l.e164).toList());
            for (LeadRow lead : candidates) {
                if (blocked.contains(lead.e164)) {
                    store.block(lead, now);
                } else {
                    claimed.add(startAttempt(campaign, lead, agent, now));
                }
            }
            if (blocked.isEmpty()) {
                break;
            }
            metrics.dncBlocked(blocked.size());
        }
        return claimed;
    }

    /**
     * The lead the agent took before and never dialled, offered again (its call window still open): a lead whose dial
     * request was lost when the node serving it stopped is dialled once the agent asks for the next lead, instead of
     * staying taken until {@code lost-after}.
     */
    private Optional<DialableLead> takenAndUndialled(Campaign campaign, UserId agent, Instant now) {
        return store.undialledTakenBy(campaign.id(), agent).flatMap(attempt -> {
            LeadRow lead = store.lockLead(attempt.leadId());
            boolean current = attempt.id().value() == (lead.currentAttemptId == null ? -1 : lead.currentAttemptId);
            boolean open = campaign.settings().callWindow().openZones(now).contains(lead.timezone);
            return current && lead.status == LeadStatus.DIALING && open
                    ? Optional.of(dialable(campaign, lead, attempt.id()))
                    : Optional.empty();
        });
    }

    private DialableLead startAttempt(Campaign campaign, LeadRow lead, UserId agent, Instant now) {
        // the agent as call events name them (b:1001 on PBX b), as the attempt's end and the call log record them
        String extension = agent == null
                ? null
                : directory.find(agent).map(DirectoryUser::agent).orElse(null);
        return dialable(campaign, lead, store.startAttempt(campaign.id(), lead, agent, extension, now));
    }

    private static DialableLead dialable(Campaign campaign, LeadRow lead, AttemptId attemptId) {
        return new DialableLead(
                new LeadId(lead.id),
                attemptId,
                campaign.id(),
                lead.e164,
                lead.contactId == null ? null : new ContactId(lead.contactId),
                LeadData.fromJson(lead.data),
                lead.name,
                lead.timezone,
                lead.status == LeadStatus.CALLBACK);
    }

    private Optional<DirectoryUser> agentNamed(String agent) {
        if (agent == null || agent.isBlank()) {
            return Optional.empty();
        }
        return directory.findByExtension(agent).or(() -> directory.findByUsername(agent));
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
