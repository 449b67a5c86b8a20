package io.switchboard.campaign;

import static io.switchboard.campaign.CampaignStore.timestamp;

import io.switchboard.contact.ContactId;
import io.switchboard.directory.UserId;
import io.switchboard.gateway.call.PbxCallIds;
import io.switchboard.jdbc.JdbcTime;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Attempts that have not ended, as the database has them, so that every node sees the same: the calls in flight on
 * each PBX (whichever node placed them, for the trunks' limits), the call each attempt became (bound by the node
 * that owns its PBX link, so another node can end it), and previewed leads an agent dials through any node, once.
 */
public class OpenAttempts {

    /**
     * An attempt placed and not ended, as a dialer taking over follows it.
     *
     * @param callId the call it became, {@code null} until its PBX's owner has seen the call's tag
     * @param actionId the originate's action id once the PBX accepted it, {@code null} until then (or never answered)
     */
    public record PlacedAttempt(
            DialableLead lead, String pbx, String callId, String actionId, boolean agentFirst, Instant dialedAt) {}

    /** An attempt whose call is up, as the node following its PBX needs it to end it. */
    public record OpenAttempt(AttemptId attemptId, CampaignId campaignId, boolean agentFirst) {}

    private final NamedParameterJdbcTemplate jdbc;

    OpenAttempts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Calls placed and not ended, per PBX, all campaigns together. Attempts placed before {@code since} are left
     * out: their events were lost and the dialer ends them as failed.
     */
    public Map<String, Integer> callsInFlightByPbx(Instant since) {
        MapSqlParameterSource parameters = timestamp(new MapSqlParameterSource(), "since", since);
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query(
                "select pbx, count(*) as calls from lead_attempts"
                        + " where ended_at is null and dialed_at is not null and dialed_at >= :since group by pbx",
                parameters,
                rs -> {
                    counts.put(rs.getString("pbx"), rs.getInt("calls"));
                });
        return counts;
    }

    /** The dialer asked {@code pbx} for these attempts' calls at {@code at}. */
    public void placed(Collection<AttemptId> attempts, String pbx, Instant at) {
        if (attempts.isEmpty()) {
            return;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("ids", ids(attempts)).addValue("pbx", pbx);
        timestamp(parameters, "at", at);
        jdbc.update("update lead_attempts set pbx = :pbx, dialed_at = :at where id in (:ids)", parameters);
    }

    /**
     * The PBX accepted the originate of this attempt: from now on it is never dialled again, whatever happens to the
     * dialer that asked (its call's events, or the lost-attempt sweep, end it).
     */
    public void accepted(AttemptId attemptId, String actionId) {
        jdbc.update(
                "update lead_attempts set action_id = :action where id = :id and ended_at is null",
                new MapSqlParameterSource("id", attemptId.value()).addValue("action", actionId));
    }

    /**
     * The call bound to this open attempt, as the owner of its PBX wrote it; empty when it is not bound (or ended).
     */
    public Optional<String> boundCall(AttemptId attemptId) {
        return jdbc
                .queryForList(
                        "select call_id from lead_attempts where id = :id and ended_at is null and call_id is not null",
                        Map.of("id", attemptId.value()),
                        String.class)
                .stream()
                .findFirst();
    }

    /** Whether {@code agent} previewed this attempt's lead and has not dialled it yet (nor has it ended). */
    public boolean previewedBy(AttemptId attemptId, UserId agent) {
        Integer count = jdbc.queryForObject(
                "select count(*) from lead_attempts where id = :id and agent_id = :agent"
                        + " and dialed_at is null and ended_at is null",
                new MapSqlParameterSource("id", attemptId.value()).addValue("agent", agent.value()),
                Integer.class);
        return count != null && count > 0;
    }

    /**
     * Takes a lead {@code agent} previewed for dialling, at most once whichever node is asked: the attempt is marked
     * as dialled on {@code pbx}. Empty when it is not the agent's, ended, or dialled already.
     */
    public Optional<DialableLead> takePreviewForDial(AttemptId attemptId, UserId agent, String pbx, Instant at) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", attemptId.value())
                .addValue("agent", agent.value())
                .addValue("pbx", pbx);
        timestamp(parameters, "at", at);
        int taken = jdbc.update(
                "update lead_attempts set dialed_at = :at, pbx = :pbx where id = :id and agent_id = :agent"
                        + " and dialed_at is null and ended_at is null",
                parameters);
        if (taken == 0) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "select l.id, l.e164, l.name, l.timezone, l.contact_id, l.data, l.status, a.campaign_id"
                                + " from lead_attempts a join leads l on l.id = a.lead_id where a.id = :id",
                        parameters,
                        (rs, row) -> {
                            long contact = rs.getLong("contact_id");
                            ContactId contactId = rs.wasNull() ? null : new ContactId(contact);
                            return new DialableLead(
                                    new LeadId(rs.getLong("id")),
                                    attemptId,
                                    new CampaignId(rs.getLong("campaign_id")),
                                    rs.getString("e164"),
                                    contactId,
                                    LeadData.fromJson(rs.getString("data")),
                                    rs.getString("name"),
                                    rs.getString("timezone"),
                                    LeadStatus.CALLBACK.name().equals(rs.getString("status")));
                        })
                .stream()
                .findFirst();
    }

    /**
     * The PBX's call for an attempt, written by the node following that PBX as soon as the call is tagged, so that
     * whichever node sees the call end (a link that moved, a dialer that moved) can end the attempt.
     */
    public void bindCall(AttemptId attemptId, String callId) {
        jdbc.update(
                "update lead_attempts set call_id = :call, pbx = :pbx where id = :id and ended_at is null",
                new MapSqlParameterSource("id", attemptId.value())
                        .addValue("call", callId)
                        .addValue("pbx", PbxCallIds.pbxOf(callId)));
    }

    /** The attempt, still open, that dialled this call; agent first when an agent previewed it. */
    public Optional<OpenAttempt> ofCall(String callId) {
        return jdbc
                .query(
                        "select id, campaign_id, agent_id from lead_attempts where call_id = :call and ended_at is null",
                        Map.of("call", callId),
                        (rs, row) -> {
                            rs.getLong("agent_id");
                            return new OpenAttempt(
                                    new AttemptId(rs.getLong("id")),
                                    new CampaignId(rs.getLong("campaign_id")),
                                    !rs.wasNull());
                        })
                .stream()
                .findFirst();
    }

    /** The attempt, still open; agent first when an agent previewed it. */
    public Optional<OpenAttempt> open(AttemptId attemptId) {
        return jdbc
                .query(
                        "select id, campaign_id, agent_id from lead_attempts where id = :id and ended_at is null",
                        Map.of("id", attemptId.value()),
                        (rs, row) -> {
                            rs.getLong("agent_id");
                            return new OpenAttempt(attemptId, new CampaignId(rs.getLong("campaign_id")), !rs.wasNull());
                        })
                .stream()
                .findFirst();
    }

    /** Attempts placed since {@code since} that have not ended, on any node: what a new dialer takes over. */
    public List<PlacedAttempt> placedSince(Instant since) {
        MapSqlParameterSource parameters = timestamp(new MapSqlParameterSource(), "since", since);
        return jdbc.query(
                "select a.id, a.lead_id, a.campaign_id, a.pbx, a.call_id, a.action_id, a.agent_id, a.dialed_at, l.e164"
                        + " from lead_attempts a join leads l on l.id = a.lead_id"
                        + " where a.ended_at is null and a.dialed_at is not null and a.dialed_at >= :since",
                parameters,
                (rs, row) -> {
                    rs.getLong("agent_id");
                    boolean agentFirst = !rs.wasNull();
                    DialableLead lead = new DialableLead(
                            new LeadId(rs.getLong("lead_id")),
                            new AttemptId(rs.getLong("id")),
                            new CampaignId(rs.getLong("campaign_id")),
                            rs.getString("e164"),
                            null,
                            Map.of(),
                            null,
                            null,
                            false);
                    return new PlacedAttempt(
                            lead,
                            rs.getString("pbx"),
                            rs.getString("call_id"),
                            rs.getString("action_id"),
                            agentFirst,
                            JdbcTime.instant(rs, "dialed_at"));
                });
    }

    /** Those of {@code attempts} that ended (on whichever node) before {@code before}. */
    public Set<AttemptId> endedBefore(Collection<AttemptId> attempts, Instant before) {
        Set<AttemptId> ended = new HashSet<>();
        if (attempts.isEmpty()) {
            return ended;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("ids", ids(attempts));
        timestamp(parameters, "before", before);
        jdbc.query("select id from lead_attempts where id in (:ids) and ended_at < :before", parameters, rs -> {
            ended.add(new AttemptId(rs.getLong("id")));
        });
        return ended;
    }

    private static List<Long> ids(Collection<AttemptId> attempts) {
        return attempts.stream().map(AttemptId::value).toList();
    }
}
