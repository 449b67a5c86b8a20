package io.switchboard.report;

import static io.switchboard.jdbc.JdbcTime.instant;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** The call history's select list and row mapper. */
final class CallRows {

    /** Stored with the call when its legs are written (asking the legs per row was most of an export's time). */
    static final String TRANSFERRED = "a.transferred";

    static final String SELECT = "select a.id, a.call_id, a.direction, a.outcome, a.started_at, a.answered_at,"
            + " a.ended_at, a.caller_number, a.caller_name, a.callee_number, a.contact_id, c.name as contact_name,"
            + " a.queue, a.agent_extension, a.ring_seconds, a.wait_seconds, a.talk_seconds, a.disposition,"
            + " a.transferred from activities a left join contacts c on c.id = a.contact_id";

    static final RowMapper<CallRow> MAPPER = CallRows::map;

    private static CallRow map(ResultSet rs, int row) throws SQLException {
        long contact = rs.getLong("contact_id");
        Long contactId = rs.wasNull() ? null : contact;
        return new CallRow(
                rs.getLong("id"),
                rs.getString("call_id"),
                CallDirection.valueOf(rs.getString("direction")),
                CallOutcome.valueOf(rs.getString("outcome")),
                instant(rs, "started_at"),
                instant(rs, "answered_at"),
                instant(rs, "ended_at"),
                rs.getString("caller_number"),
                rs.getString("caller_name"),
                rs.getString("callee_number"),
                contactId,
                rs.getString("contact_name"),
                rs.getString("queue"),
                rs.getString("agent_extension"),
                rs.getInt("ring_seconds"),
                rs.getInt("wait_seconds"),
                rs.getInt("talk_seconds"),
                rs.getString("disposition"),
                rs.getBoolean("transferred"));
    }
}
