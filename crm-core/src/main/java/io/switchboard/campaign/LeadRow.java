package io.switchboard.campaign;

import io.switchboard.jdbc.JdbcTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The columns of a lead the queue works with. */
final class LeadRow {

    static final String SELECT = "select id, e164, name, timezone, contact_id, data, status, attempts,"
            + " next_attempt_at, current_attempt_id from leads";

    final long id;
    final String e164;
    final String name;
    final String timezone;
    final Long contactId;
    final String data;
    final LeadStatus status;
    final int attempts;
    final Instant nextAttemptAt;
    final Long currentAttemptId;

    LeadRow(ResultSet rs) throws SQLException {
        id = rs.getLong("id");
        e164 = rs.getString("e164");
        name = rs.getString("name");
        timezone = rs.getString("timezone");
        long contact = rs.getLong("contact_id");
        contactId = rs.wasNull() ? null : contact;
        data = rs.getString("data");
        status = LeadStatus.valueOf(rs.getString("status"));
        attempts = rs.getInt("attempts");
        nextAttemptAt = JdbcTime.instant(rs, "next_attempt_at");
        long attempt = rs.getLong("current_attempt_id");
        currentAttemptId = rs.wasNull() ? null : attempt;
    }
}
