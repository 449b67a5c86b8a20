package io.switchboard.campaign;

import static io.switchboard.campaign.CampaignStore.timestamp;
import static io.switchboard.jdbc.JdbcTime.instant;

import io.switchboard.campaign.LeadRules.Next;
import io.switchboard.directory.UserId;
import io.switchboard.gateway.call.PbxCallIds;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The leads and lead_attempts rows the lead queue reads, locks and writes; the rules of what changes are
 * {@link LeadRules}'. Callers hold the transaction.
 */
final class LeadStore {

    /** Whose leads a claim looks for. */
    enum Target {
        /** Leads for anyone: not personal callbacks. */
        DIALER,
        /** One agent's own callbacks. */
        PERSONAL_CALLBACKS
    }

    /** The columns of an attempt a disposition or an end works with. */
    record AttemptRow(
            AttemptId id, LeadId leadId, CampaignId campaignId, Long agentId, Instant endedAt, String disposition) {}

    private final NamedParameterJdbcTemplate jdbc;

    LeadStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks up to {@code limit} due leads of the campaign in the open {@code zones}, callbacks first, then by
     * priority and the campaign's lead order; rows another dialer locked are skipped.
     */
    List<LeadRow> lockCandidates(
            Campaign campaign, Target target, UserId agent, Set<String> zones, int limit, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource(
                        "campaign", campaign.id().value())
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

    /** A claimed lead found on a do-not-call list: finished, never dialled. */
    void block(LeadRow lead, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", lead.id);
        timestamp(parameters, "now", now);
        jdbc.update(
                "update leads set status = 'DNC', last_outcome = 'DNC_BLOCKED', updated_at = :now where id = :id",
                parameters);
    }

    /** Adds an attempt and marks the lead as dialling it; the attempt's id. */
    AttemptId startAttempt(CampaignId campaignId, LeadRow lead, UserId agent, String extension, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("lead", lead.id)
                .addValue("campaign", campaignId.value())
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
        return new AttemptId(attemptId);
    }

    Optional<AttemptRow> lockAttempt(AttemptId attemptId) {
        return jdbc
                .query(
                        "select id, lead_id, campaign_id, agent_id, ended_at, disposition from lead_attempts"
                                + " where id = :id for update",
                        Map.of("id", attemptId.value()),
                        (rs, row) -> {
                            long agent = rs.getLong("agent_id");
                            Long agentId = rs.wasNull() ? null : agent;
                            return new AttemptRow(
                                    new AttemptId(rs.getLong("id")),
                                    new LeadId(rs.getLong("lead_id")),
                                    new CampaignId(rs.getLong("campaign_id")),
                                    agentId,
                                    instant(rs, "ended_at"),
                                    rs.getString("disposition"));
                        })
                .stream()
                .findFirst();
    }

    LeadRow lockLead(LeadId leadId) {
        return jdbc.query(
                        LeadRow.SELECT + " where id = :id for update",
                        Map.of("id", leadId.value()),
                        (rs, row) -> new LeadRow(rs))
                .get(0);
    }

    /**
     * @param callId kept as it was when {@code null}
     * @param extension kept as it was when {@code null}
     */
    void endAttempt(
            AttemptId attemptId, AttemptOutcome outcome, String callId, Long agentId, String extension, Instant at) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", attemptId.value())
                .addValue("outcome", outcome.name())
                .addValue("callId", callId, Types.VARCHAR)
                .addValue("pbx", callId == null ? null : PbxCallIds.pbxOf(callId), Types.VARCHAR)
                .addValue("agentId", agentId, Types.BIGINT)
                .addValue("extension", extension, Types.VARCHAR);
        timestamp(parameters, "at", at);
        jdbc.update(
                "update lead_attempts set ended_at = :at, outcome = :outcome, call_id = coalesce(:callId, call_id),"
                        + " pbx = coalesce(:pbx, pbx), agent_id = :agentId, agent_extension = coalesce(:extension, agent_extension)"
                        + " where id = :id",
                parameters);
    }

    /** @param agentId the lead's last agent, kept as it was when {@code null} */
    void moveAfterEnd(long leadId, Next next, AttemptOutcome outcome, Long agentId, Instant now) {
        MapSqlParameterSource update = new MapSqlParameterSource("id", leadId)
                .addValue("status", next.status().name())
                .addValue("outcome", outcome.name())
                .addValue("agentId", agentId, Types.BIGINT);
        timestamp(update, "next", next.nextAttemptAt());
        timestamp(update, "now", now);
        jdbc.update(
                "update leads set status = :status, last_outcome = :outcome, next_attempt_at = :next,"
                        + " callback_agent_id = null, last_agent_id = coalesce(:agentId, last_agent_id),"
                        + " updated_at = :now where id = :id",
                update);
    }

    void dispose(AttemptId attemptId, String code, UserId by, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", attemptId.value())
                .addValue("code", code)
                .addValue("by", by.value());
        timestamp(parameters, "now", now);
        jdbc.update(
                "update lead_attempts set disposition = :code, disposed_by = :by, disposed_at = :now,"
                        + " agent_id = coalesce(agent_id, :by) where id = :id",
                parameters);
    }

    void moveAfterDisposition(long leadId, Next next, String code, long agent, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", leadId)
                .addValue("status", next.status().name())
                .addValue("code", code)
                .addValue("callbackAgent", next.callbackAgent(), Types.BIGINT)
                .addValue("agent", agent);
        timestamp(parameters, "next", next.nextAttemptAt());
        timestamp(parameters, "now", now);
        jdbc.update(
                "update leads set status = :status, last_disposition = :code, next_attempt_at = :next,"
                        + " callback_agent_id = :callbackAgent, last_agent_id = :agent, updated_at = :now"
                        + " where id = :id",
                parameters);
    }

    /**
     * Closes the attempts started before {@code cutoff} that never ended as failed without counting them, and makes
     * their leads due now; the leads given back. An attempt whose call was bound (the PBX has or had it, its link's
     * owner follows it) only when started before {@code boundCutoff}: a long call must not be dialled again.
     */
    int releaseStale(Instant cutoff, Instant boundCutoff, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        timestamp(parameters, "boundCutoff", boundCutoff);
        return closeCurrentAttempts(
                parameters,
                cutoff,
                now,
                " where l.status = 'DIALING' and a.ended_at is null"
                        + " and ((a.call_id is null and a.started_at < :cutoff) or a.started_at < :boundCutoff)",
                "update lead_attempts set ended_at = :now, outcome = 'FAILED' where id = :attempt and ended_at is null",
                "update leads set status = 'RETRY', next_attempt_at = :now, attempts = attempts - 1,"
                        + " current_attempt_id = null, updated_at = :now"
                        + " where current_attempt_id = :attempt and status = 'DIALING'");
    }

    /**
     * Undoes the claim of an attempt whose call never reached the PBX (no call bound, no originate accepted): the
     * attempt row goes, as it was never dialled, and its lead waits again from {@code due} with the attempt not
     * counted. False when the attempt ended, reached the PBX, or is gone already.
     */
    boolean giveBack(AttemptId attemptId, Instant due, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", attemptId.value());
        timestamp(parameters, "due", due);
        timestamp(parameters, "now", now);
        List<Long> lead = jdbc.queryForList(
                "select lead_id from lead_attempts where id = :id and ended_at is null and call_id is null"
                        + " and action_id is null for update",
                parameters,
                Long.class);
        if (lead.isEmpty()) {
            return false;
        }
        parameters.addValue("lead", lead.get(0));
        jdbc.query("select id from leads where id = :lead for update", parameters, rs -> {});
        jdbc.update("delete from lead_attempts where id = :id", parameters);
        jdbc.update(
                "update leads set status = 'RETRY', next_attempt_at = :due, attempts = attempts - 1,"
                        + " current_attempt_id = null, updated_at = :now"
                        + " where id = :lead and current_attempt_id = :id and status = 'DIALING'",
                parameters);
        return true;
    }

    /** The dialer's attempts (no agent's preview) claimed and never placed: their dialer stopped in between. */
    List<AttemptId> unplacedDialerAttempts() {
        return jdbc.query(
                "select a.id from lead_attempts a join leads l on l.current_attempt_id = a.id"
                        + " where a.ended_at is null and a.dialed_at is null and a.agent_id is null"
                        + " and l.status = 'DIALING'",
                Map.of(),
                (rs, row) -> new AttemptId(rs.getLong("id")));
    }

    /** Gives {@code code} to answered attempts that ended before {@code cutoff} undisposed; the leads closed. */
    int closeUndisposed(String code, Instant cutoff, Instant now) {
        return closeCurrentAttempts(
                new MapSqlParameterSource("code", code),
                cutoff,
                now,
                " where l.status = 'CONNECTED' and a.disposition is null and a.ended_at < :cutoff",
                "update lead_attempts set disposition = :code, disposed_at = :now"
                        + " where id = :attempt and disposition is null",
                "update leads set status = 'DONE', last_disposition = :code, updated_at = :now"
                        + " where current_attempt_id = :attempt and status = 'CONNECTED'");
    }

    /**
     * For each lead whose current attempt matches {@code where} (over {@code leads l} joined to {@code lead_attempts
     * a}), updates the attempt and then the lead, one by one so each lead's row is taken once; the leads changed.
     */
    private int closeCurrentAttempts(
            MapSqlParameterSource parameters,
            Instant cutoff,
            Instant now,
            String where,
            String updateAttempt,
            String updateLead) {
        timestamp(parameters, "cutoff", cutoff);
        timestamp(parameters, "now", now);
        List<Long> attempts = jdbc.queryForList(
                "select l.current_attempt_id from leads l join lead_attempts a on a.id = l.current_attempt_id" + where,
                parameters,
                Long.class);
        int count = 0;
        for (Long attemptId : attempts) {
            parameters.addValue("attempt", attemptId);
            jdbc.update(updateAttempt, parameters);
            count += jdbc.update(updateLead, parameters);
        }
        return count;
    }
}
