package io.switchboard.sessions;

import static io.switchboard.jdbc.JdbcTime.instant;
import static io.switchboard.jdbc.JdbcTime.timestamp;

import io.switchboard.gateway.call.PbxName;
import io.switchboard.sessions.AgentEvent.Kind;
import io.switchboard.sessions.AgentEvent.MemberState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The {@code agent_events} table: rows are appended, never changed; reads take a scope's agents over a range. */
final class AgentEventStore {

    /** The longest wrap-up a queue may have (the queue settings' limit): calls that ended this long before count. */
    static final Duration LONGEST_WRAP_UP = Duration.ofHours(1);

    private static final String COLUMNS =
            "e.agent, e.kind, e.occurred_at, e.queue, e.state, e.reason, e.call_id, e.ended_at,"
                    + " e.wrap_up_seconds, u.username, u.display_name";

    private final NamedParameterJdbcTemplate jdbc;

    AgentEventStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores one event with the user who is the agent now (an extension on a PBX is one user). */
    void append(AgentEvent event) {
        jdbc.update(
                "insert into agent_events (agent, user_id, kind, occurred_at, queue, state, reason, call_id, ended_at,"
                        + " wrap_up_seconds) values (:agent, (select id from users where pbx = :pbx and extension = :extension), :kind,"
                        + " :at, :queue, :state, :reason, :callId, :endedAt, :wrapUp)",
                new MapSqlParameterSource("agent", event.agent())
                        .addValue("pbx", PbxName.of(event.agent()).pbx())
                        .addValue("extension", PbxName.of(event.agent()).name())
                        .addValue("kind", event.kind().name())
                        .addValue("at", timestamp(event.at()))
                        .addValue("queue", cut(event.queue(), 80))
                        .addValue(
                                "state",
                                event.state() == null ? null : event.state().name())
                        .addValue("reason", cut(event.reason(), 80))
                        .addValue("callId", cut(event.callId(), 128))
                        .addValue("endedAt", timestamp(event.endedAt()))
                        .addValue("wrapUp", event.wrapUpSeconds()));
    }

    /**
     * Every row the report of {@code [start, end)} needs, oldest first: the last state per agent and queue before
     * {@code start} (what the agent was doing when the range began), calls whose talk or wrap-up reaches into the
     * range, and every row inside it.
     *
     * @param scope an SQL condition on {@code e} (the event) and {@code u} (its user), with its parameters
     */
    List<StoredAgentEvent> range(Instant start, Instant end, String agent, String scope, Map<String, Object> params) {
        MapSqlParameterSource parameters = new MapSqlParameterSource(params)
                .addValue("start", timestamp(start))
                .addValue("end", timestamp(end))
                .addValue("wrapStart", timestamp(start.minus(LONGEST_WRAP_UP)))
                .addValue("agent", agent);
        String where = " and (" + scope + ") and (cast(:agent as varchar(80)) is null or e.agent = :agent)";
        String from = " from agent_events e left join users u on u.id = e.user_id where ";
        return jdbc.query(
                "select " + COLUMNS + ", e.id" + from + "e.kind = 'STATE' and e.occurred_at < :start"
                        + " and e.occurred_at = (select max(x.occurred_at) from agent_events x where x.agent = e.agent"
                        + " and x.kind = 'STATE' and x.queue = e.queue and x.occurred_at < :start)" + where
                        + " union all select " + COLUMNS + ", e.id" + from
                        + "e.kind = 'CALL' and e.occurred_at < :start and e.ended_at > :wrapStart" + where
                        + " union all select " + COLUMNS + ", e.id" + from
                        + "e.occurred_at >= :start and e.occurred_at < :end" + where
                        + " order by occurred_at, id",
                parameters,
                AgentEventStore::row);
    }

    private static StoredAgentEvent row(ResultSet rs, int n) throws SQLException {
        String state = rs.getString("state");
        AgentEvent event = new AgentEvent(
                rs.getString("agent"),
                Kind.valueOf(rs.getString("kind")),
                instant(rs, "occurred_at"),
                rs.getString("queue"),
                state == null ? null : MemberState.valueOf(state),
                rs.getString("reason"),
                rs.getString("call_id"),
                instant(rs, "ended_at"),
                rs.getInt("wrap_up_seconds"));
        return new StoredAgentEvent(event, rs.getString("username"), rs.getString("display_name"));
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /** A stored event with the name of the user it was written for ({@code null} for an extension nobody has). */
    record StoredAgentEvent(AgentEvent event, String username, String displayName) {}
}
