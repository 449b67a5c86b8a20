package io.switchboard.activity;

import static io.switchboard.jdbc.JdbcTime.instant;

import io.switchboard.contact.ContactId;
import io.switchboard.directory.UserId;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/** Reads activities: the one select list and row mapper every query of this package uses. */
final class ActivityRows {

    /** Columns of {@code activities a} left-joined to {@code contacts c}. */
    static final String SELECT = "select a.id, a.call_id, a.direction, a.outcome, a.caller_number, a.caller_name,"
            + " a.callee_number, a.contact_id, c.name as contact_name, a.queue, a.agent_extension, a.agent_id,"
            + " a.started_at, a.answered_at, a.ended_at, a.ring_seconds, a.wait_seconds, a.talk_seconds,"
            + " a.hangup_cause, a.hangup_text, a.reconciled, a.disposition, a.notes, a.disposed_by, a.disposed_at,"
            + " a.version from activities a left join contacts c on c.id = a.contact_id";

    static final RowMapper<Activity> MAPPER = ActivityRows::map;

    private ActivityRows() {}

    private static Activity map(ResultSet rs, int row) throws SQLException {
        return new Activity(
                new ActivityId(rs.getLong("id")),
                rs.getString("call_id"),
                CallDirection.valueOf(rs.getString("direction")),
                CallOutcome.valueOf(rs.getString("outcome")),
                rs.getString("caller_number"),
                rs.getString("caller_name"),
                rs.getString("callee_number"),
                id(rs, "contact_id", ContactId::new),
                rs.getString("contact_name"),
                rs.getString("queue"),
                rs.getString("agent_extension"),
                id(rs, "agent_id", UserId::new),
                instant(rs, "started_at"),
                instant(rs, "answered_at"),
                instant(rs, "ended_at"),
                rs.getInt("ring_seconds"),
                rs.getInt("wait_seconds"),
                rs.getInt("talk_seconds"),
                (Integer) rs.getObject("hangup_cause", Integer.class),
                rs.getString("hangup_text"),
                rs.getBoolean("reconciled"),
                rs.getString("disposition"),
                rs.getString("notes"),
                id(rs, "disposed_by", UserId::new),
                instant(rs, "disposed_at"),
                rs.getLong("version"),
                List.of());
    }

    private static <T> T id(ResultSet rs, String column, java.util.function.LongFunction<T> wrap) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : wrap.apply(value);
    }
}
