package io.switchboard.campaign;

import static io.switchboard.campaign.CampaignStore.instant;
import static io.switchboard.campaign.CampaignStore.timestamp;

import io.switchboard.campaign.dnc.DncEntry;
import io.switchboard.campaign.dnc.DoNotCall;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.contact.ContactId;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
 */
public class LeadQueue {

    /** Rounds of claiming when do-not-call entries remove claimed leads. */
    private static final int MAX_ROUNDS = 3;

    private final NamedParameterJdbcTemplate jdbc;
    private final Campaigns campaigns;
    private final DoNotCall doNotCall;
    private final Directory directory;
    private final TransactionTemplate transactions;
    private final CampaignMetrics metrics;
    private final Clock clock;

    LeadQueue(
            NamedParameterJdbcTemplate jdbc,
            Campaigns campaigns,
            DoNotCall doNotCall,
            Directory directory,
            TransactionTemplate transactions,
            CampaignMetrics metrics,
            Clock clock) {
        this.jdbc = jdbc;
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
    public List<DialableLead> claim(long campaignId, int max, Instant now) {
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
    public Optional<DialableLead> claimPreview(long campaignId, Viewer agent, Instant now) {
        Campaign campaign = campaigns.get(campaignId, agent);
        if (!campaign.settings().agents().contains(agent.user()) && !CampaignAccess.manages(agent)) {
            throw new CampaignAccessDeniedException("not assigned to campaign " + campaignId);
        }
        if (!campaign.running()) {
            return Optional.empty();
        }
        return transactions.execute(status -> {
            List<DialableLead> own = claim(campaign, Target.PERSONAL_CALLBACKS, agent.user(), 1, now);
            if (own.isEmpty() && campaign.settings().dialMode() == DialMode.PREVIEW) {
                own = claim(campaign, Target.DIALER, agent.user(), 1, now);
            }
            return own.stream().findFirst();
        });
    }

    /**
     * The dial ended. Applies the campaign's retry rules: a person who answered waits for the agent's disposition,
     * a do-not-call block finishes the lead, other outcomes make the lead due again after the outcome's delay
     * unless its attempts are used up. Reporting the same end twice changes nothing.
     *
     * @param callId the PBX's call id, {@code null} when no call came about
     * @param agent the agent's extension or username, {@code null} when no agent took the call
     */
    public void attemptEnded(long attemptId, AttemptOutcome outcome, String callId, String agent, Instant at) {
        boolean ended = Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<AttemptRow> found = lockAttempt(attemptId);
            AttemptRow attempt = found.orElseThrow(() -> new CampaignNotFoundException("no attempt " + attemptId));
            if (attempt.endedAt != null) {
                return false;
            }
            Optional<DirectoryUser> user = agentNamed(agent);
            MapSqlParameterSource parameters = new MapSqlParameterSource("id", attemptId)
                    .addValue("outcome", outcome.name())
                    .addValue("callId", callId, Types.VARCHAR)
                    .addValue("agentId", user.map(u -> u.id().value()).orElse(attempt.agentId), Types.BIGINT)
                    .addValue("extension", agent == null ? null : truncate(agent, 32), Types.VARCHAR);
            timestamp(parameters, "at", at);
            jdbc.update(
                    "update lead_attempts set ended_at = :at, outcome = :outcome, call_id = coalesce(:callId, call_id),"
                            + " agent_id = :agentId, agent_extension = coalesce(:extension, agent_extension)"
                            + " where id = :id",
                    parameters);
            Campaign campaign = campaigns.find(attempt.campaignId).orElseThrow();
            LeadRow lead = lockLead(attempt.leadId);
            if (lead.currentAttemptId == null
                    || lead.currentAttemptId != attemptId
                    || lead.status != LeadStatus.DIALING) {
                return true; // the agent disposed already, or the attempt was released as stale
            }
            LeadStatus next;
            Instant nextAttempt = lead.nextAttemptAt;
            switch (outcome) {
                case HUMAN_ANSWERED -> next = LeadStatus.CONNECTED;
                case DNC_BLOCKED -> next = LeadStatus.DNC;
                default -> {
                    if (lead.attempts >= campaign.settings().maxAttempts()) {
                        next = LeadStatus.EXHAUSTED;
                    } else {
                        next = LeadStatus.RETRY;
                        nextAttempt = at.plus(campaign.settings().retryDelay(outcome));
                    }
                }
            }
            MapSqlParameterSource update = new MapSqlParameterSource("id", lead.id)
                    .addValue("status", next.name())
                    .addValue("outcome", outcome.name())
                    .addValue("agentId", parameters.getValue("agentId"), Types.BIGINT);
            timestamp(update, "next", nextAttempt);
            timestamp(update, "now", clock.instant());
            jdbc.update(
                    "update leads set status = :status, last_outcome = :outcome, next_attempt_at = :next,"
                            + " callback_agent_id = null, last_agent_id = coalesce(:agentId, last_agent_id),"
                            + " updated_at = :now where id = :id",
                    update);
            return true;
        }));
        if (ended) {
            metrics.attemptEnded(outcome);
        }
    }

    /**
     * The agent's disposition of an attempt, from the campaign's list. It drives the lead: final, again after the
     * disposition's delay, a callback at {@code callbackAt} (for anyone, or {@code personal}ly for this agent), or
     * do-not-call (the number goes on the campaign's list).
     *
     * @throws InvalidCampaignException for a code not on the campaign's list, or a callback without a time
     * @throws CampaignStateException when the attempt was disposed already
     * @throws CampaignAccessDeniedException when the attempt is another agent's
     */
    public void dispose(
            long attemptId, String dispositionCode, Optional<Instant> callbackAt, boolean personal, Viewer agent) {
        DispositionAction action = transactions.execute(status -> {
            AttemptRow attempt =
                    lockAttempt(attemptId).orElseThrow(() -> new CampaignNotFoundException("no attempt " + attemptId));
            Campaign campaign = campaigns.find(attempt.campaignId).orElseThrow();
            checkMayDispose(attempt, campaign, agent);
            CampaignDisposition disposition = campaign.settings()
                    .disposition(dispositionCode)
                    .orElseThrow(() -> new InvalidCampaignException(
                            "disposition", "campaign " + campaign.id() + " has no disposition " + dispositionCode));
            if (attempt.disposition != null) {
                throw new CampaignStateException("attempt " + attemptId + " is disposed already");
            }
            if (disposition.action() == DispositionAction.CALLBACK && callbackAt.isEmpty()) {
                throw new InvalidCampaignException("callbackAt", "a callback needs the time to call back");
            }
            Instant now = clock.instant();
            MapSqlParameterSource parameters = new MapSqlParameterSource("id", attemptId)
                    .addValue("code", disposition.code())
                    .addValue("by", agent.user().value());
            timestamp(parameters, "now", now);
            jdbc.update(
                    "update lead_attempts set disposition = :code, disposed_by = :by, disposed_at = :now,"
                            + " agent_id = coalesce(agent_id, :by) where id = :id",
                    parameters);
            LeadRow lead = lockLead(attempt.leadId);
            if (disposition.action() == DispositionAction.DNC) {
                doNotCall.addFromDisposition(
                        campaign.id(), lead.e164, "disposition " + disposition.code(), agent.user());
            }
            boolean current = lead.currentAttemptId != null
                    && lead.currentAttemptId == attemptId
                    && (lead.status == LeadStatus.DIALING || lead.status == LeadStatus.CONNECTED);
            if (current) {
                applyDisposition(lead, campaign, disposition, callbackAt, personal, attempt, agent, now);
            }
            return disposition.action();
        });
        metrics.disposed(action);
    }

    /**
     * Gives back leads whose attempt was started longer than {@code olderThan} ago and never ended (a dialer that
     * crashed): the attempt is closed as {@link AttemptOutcome#FAILED} without counting, and the lead is due now.
     *
     * @return the leads given back
     */
    public int releaseStale(Duration olderThan) {
        Instant now = clock.instant();
        int released = transactions.execute(status -> {
            MapSqlParameterSource parameters = new MapSqlParameterSource();
            timestamp(parameters, "cutoff", now.minus(olderThan));
            timestamp(parameters, "now", now);
            List<Long> stale = jdbc.queryForList(
                    "select l.current_attempt_id from leads l join lead_attempts a on a.id = l.current_attempt_id"
                            + " where l.status = 'DIALING' and a.ended_at is null and a.started_at < :cutoff",
                    parameters,
                    Long.class);
            int count = 0;
            for (Long attemptId : stale) {
                parameters.addValue("attempt", attemptId);
                jdbc.update(
                        "update lead_attempts set ended_at = :now, outcome = 'FAILED' where id = :attempt"
                                + " and ended_at is null",
                        parameters);
                count += jdbc.update(
                        "update leads set status = 'RETRY', next_attempt_at = :now, attempts = attempts - 1,"
                                + " current_attempt_id = null, updated_at = :now"
                                + " where current_attempt_id = :attempt and status = 'DIALING'",
                        parameters);
            }
            return count;
        });
        metrics.released(released);
        return released;
    }

    /** The disposition given to an answered call its agent never disposed. */
    public static final String NO_DISPOSITION = "NO_DISPOSITION";

    /**
     * Closes answered calls nobody disposed within {@code olderThan} of their end (the agent left, or never does, like
     * the simulator's agents): the attempt gets {@link #NO_DISPOSITION} and the lead is done, as VICIdial's
     * disposition timeout does. Without it such leads would stay connected for ever.
     *
     * @return the leads closed
     */
    public int closeUndisposed(Duration olderThan) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            MapSqlParameterSource parameters = new MapSqlParameterSource("code", NO_DISPOSITION);
            timestamp(parameters, "cutoff", now.minus(olderThan));
            timestamp(parameters, "now", now);
            List<Long> undisposed = jdbc.queryForList(
                    "select l.current_attempt_id from leads l join lead_attempts a on a.id = l.current_attempt_id"
                            + " where l.status = 'CONNECTED' and a.disposition is null and a.ended_at < :cutoff",
                    parameters,
                    Long.class);
            int count = 0;
            for (Long attemptId : undisposed) {
                parameters.addValue("attempt", attemptId);
                jdbc.update(
                        "update lead_attempts set disposition = :code, disposed_at = :now"
                                + " where id = :attempt and disposition is null",
                        parameters);
                count += jdbc.update(
                        "update leads set status = 'DONE', last_disposition = :code, updated_at = :now"
                                + " where current_attempt_id = :attempt and status = 'CONNECTED'",
                        parameters);
            }
            return count;
        });
    }

    private enum Target {
        /** Leads for anyone: not personal callbacks. */
        DIALER,
        /** One agent's own callbacks. */
        PERSONAL_CALLBACKS
    }

    private List<DialableLead> claim(Campaign campaign, Target target, UserId agent, int max, Instant now) {
        Set<String> zones = campaign.settings().callWindow().openZones(now);
        List<DialableLead> claimed = new ArrayList<>();
        if (zones.isEmpty()) {
            return claimed;
        }
        for (int round = 0; round < MAX_ROUNDS && claimed.size() < max; round++) {
            List<LeadRow> candidates = lockCandidates(campaign, target, agent, zones, max - claimed.size(), now);
            Map<String, DncEntry> blocked = doNotCall.blocked(
                    campaign.id(), candidates.stream().map(l -> l.e164).toList());
            for (LeadRow lead : candidates) {
                if (blocked.containsKey(lead.e164)) {
                    block(lead, now);
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

    private List<LeadRow> lockCandidates(
            Campaign campaign, Target target, UserId agent, Set<String> zones, int limit, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("campaign", campaign.id())
                .addValue("zones", zones)
                .addValue("max", campaign.settings().maxAttempts())
                .addValue("limit", limit);
        timestamp(parameters, "now", now);
        String who;
        if (target == Target.PERSONAL_CALLBACKS) {
            who = " and status = 'CALLBACK' and callback_agent_id = :agent";
            parameters.addValue("agent", agent.value());
        } else {
            who = " and status in ('NEW', 'RETRY', 'CALLBACK') and callback_agent_id is null"
                    + " and (attempts < :max or status = 'CALLBACK')";
        }
        String order = switch (campaign.settings().leadOrder()) {
            case DUE_FIRST -> "next_attempt_at, id";
            case LIST_ORDER -> "id";
            case FEWEST_ATTEMPTS -> "attempts, next_attempt_at, id";
        };
        return jdbc.query(
                LeadRow.SELECT + " where campaign_id = :campaign" + who
                        + " and next_attempt_at <= :now and timezone in (:zones)"
                        + " order by case when status = 'CALLBACK' then 0 else 1 end, priority desc, " + order
                        + " limit :limit for update skip locked",
                parameters,
                (rs, row) -> new LeadRow(rs));
    }

    private void block(LeadRow lead, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", lead.id);
        timestamp(parameters, "now", now);
        jdbc.update(
                "update leads set status = 'DNC', last_outcome = 'DNC_BLOCKED', updated_at = :now where id = :id",
                parameters);
    }

    private DialableLead startAttempt(Campaign campaign, LeadRow lead, UserId agent, Instant now) {
        String extension = agent == null
                ? null
                : directory.find(agent).map(DirectoryUser::extension).orElse(null);
        MapSqlParameterSource parameters = new MapSqlParameterSource("lead", lead.id)
                .addValue("campaign", campaign.id())
                .addValue("agent", agent == null ? null : agent.value(), Types.BIGINT)
                .addValue("extension", extension, Types.VARCHAR);
        timestamp(parameters, "now", now);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into lead_attempts (lead_id, campaign_id, agent_id, agent_extension, started_at)"
                        + " values (:lead, :campaign, :agent, :extension, :now)",
                parameters,
                key,
                new String[] {"id"});
        long attemptId = key.getKeyAs(Long.class);
        parameters.addValue("attempt", attemptId);
        jdbc.update(
                "update leads set status = 'DIALING', attempts = attempts + 1, current_attempt_id = :attempt,"
                        + " last_attempt_at = :now, updated_at = :now where id = :lead",
                parameters);
        return new DialableLead(
                lead.id,
                attemptId,
                campaign.id(),
                lead.e164,
                lead.contactId == null ? null : new ContactId(lead.contactId),
                LeadData.fromJson(lead.data),
                lead.name,
                lead.timezone,
                lead.status == LeadStatus.CALLBACK);
    }

    private void applyDisposition(
            LeadRow lead,
            Campaign campaign,
            CampaignDisposition disposition,
            Optional<Instant> callbackAt,
            boolean personal,
            AttemptRow attempt,
            Viewer agent,
            Instant now) {
        LeadStatus next;
        Instant nextAttempt = lead.nextAttemptAt;
        Long callbackAgent = null;
        switch (disposition.action()) {
            case FINAL -> next = LeadStatus.DONE;
            case DNC -> next = LeadStatus.DNC;
            case CALLBACK -> {
                next = LeadStatus.CALLBACK;
                nextAttempt = callbackAt.orElseThrow();
                if (personal) {
                    callbackAgent = attempt.agentId != null
                            ? attempt.agentId
                            : agent.user().value();
                }
            }
            case RETRY -> {
                if (lead.attempts >= campaign.settings().maxAttempts()) {
                    next = LeadStatus.EXHAUSTED;
                } else {
                    next = LeadStatus.RETRY;
                    nextAttempt = now.plus(disposition.retryDelay());
                }
            }
            default -> throw new IllegalStateException("unknown action " + disposition.action());
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", lead.id)
                .addValue("status", next.name())
                .addValue("code", disposition.code())
                .addValue("callbackAgent", callbackAgent, Types.BIGINT)
                .addValue(
                        "agent",
                        attempt.agentId != null ? attempt.agentId : agent.user().value());
        timestamp(parameters, "next", nextAttempt);
        timestamp(parameters, "now", now);
        jdbc.update(
                "update leads set status = :status, last_disposition = :code, next_attempt_at = :next,"
                        + " callback_agent_id = :callbackAgent, last_agent_id = :agent, updated_at = :now"
                        + " where id = :id",
                parameters);
    }

    private void checkMayDispose(AttemptRow attempt, Campaign campaign, Viewer viewer) {
        boolean own = attempt.agentId == null
                ? campaign.settings().agents().contains(viewer.user())
                : attempt.agentId == viewer.user().value();
        if (!own && !CampaignAccess.oversees(viewer)) {
            throw new CampaignAccessDeniedException("attempt " + attempt.id + " is another agent's");
        }
    }

    private Optional<DirectoryUser> agentNamed(String agent) {
        if (agent == null || agent.isBlank()) {
            return Optional.empty();
        }
        return directory.findByExtension(agent).or(() -> directory.findByUsername(agent));
    }

    private Optional<AttemptRow> lockAttempt(long attemptId) {
        return jdbc
                .query(
                        "select id, lead_id, campaign_id, agent_id, ended_at, disposition from lead_attempts"
                                + " where id = :id for update",
                        Map.of("id", attemptId),
                        (rs, row) -> {
                            long agent = rs.getLong("agent_id");
                            Long agentId = rs.wasNull() ? null : agent;
                            return new AttemptRow(
                                    rs.getLong("id"),
                                    rs.getLong("lead_id"),
                                    rs.getLong("campaign_id"),
                                    agentId,
                                    instant(rs, "ended_at"),
                                    rs.getString("disposition"));
                        })
                .stream()
                .findFirst();
    }

    private LeadRow lockLead(long leadId) {
        return jdbc.query(
                        LeadRow.SELECT + " where id = :id for update",
                        Map.of("id", leadId),
                        (rs, row) -> new LeadRow(rs))
                .get(0);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private record AttemptRow(
            long id, long leadId, long campaignId, Long agentId, Instant endedAt, String disposition) {}
}
