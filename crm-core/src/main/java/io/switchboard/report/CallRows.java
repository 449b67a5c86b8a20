package io.switchboard.report;

import static io.switchboard.jdbc.JdbcTime.instant;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** The call history's select list and row mapper. */
final class CallRows {

    static final String TRANSFERRED =
            "exists (select 1 from activity_legs l where l.call_id = a.call_id and l.transferred)";

    static final String SELECT = "select a.id, a.call_id, a.direction, a.outcome, a.started_at, a.answered_at,"
            + " a.ended_at, a.caller_number, a.caller_name, a.callee_number, a.contact_id, c.name as contact_name,"
            + " a.queue, a.agent_extension, a.ring_seconds, a.wait_seconds, a.talk_seconds, a.disposition, "
            + TRANSFERRED + " as transferred from activities a left join contacts c on c.id = a.contact_id";

    /**
     * The same columns as {@link CallHistoryCsv} writes them, each cell made in SQL (PostgreSQL's): the export's
     * {@code COPY} (see {@link PostgresCsvCopy}). No {@code ::} casts: named parameters are replaced in it.
     */
    static final String CSV_SELECT = "select a.id, " + safe("a.call_id") + ", " + isoInstant("a.started_at") + ", "
            + isoInstant("a.answered_at") + ", " + isoInstant("a.ended_at") + ", a.direction, a.outcome, "
            + safe("a.caller_number") + ", " + safe("a.caller_name") + ", " + safe("a.callee_number")
            + ", a.contact_id, " + safe("c.name") + ", " + safe("a.queue") + ", " + safe("a.agent_extension")
            + ", a.ring_seconds, a.wait_seconds, a.talk_seconds, " + safe("a.disposition") + ", case when "
            + TRANSFERRED
            + " then 'true' else 'false' end from activities a left join contacts c on c.id = a.contact_id";

    static final RowMapper<CallRow> MAPPER = CallRows::map;

    /** A text cell as {@code SpreadsheetCsvWriter.neutralised}: a leading quote where a formula would start. */
    private static String safe(String column) {
        return "case when left(" + column + ", 1) in ('=', '+', '-', '@', chr(9), chr(13), '\uFF1D', '\uFF0B',"
                + " '\uFF0D', '\uFF20') then '''' || " + column + " else " + column + " end";
    }

    /**
     * An instant as {@code Instant.toString()} writes it: seconds always, and a fraction in groups of three digits
     * only when there is one ({@code 2026-12-01T08:00:00Z}, {@code ...:00.120Z}, {@code ...:00.000120Z}).
     */
    private static String isoInstant(String column) {
        String utc = column + " at time zone 'UTC'";
        String micros = "to_char(" + utc + ", 'US')";
        return "to_char(" + utc + ", 'YYYY-MM-DD\"T\"HH24:MI:SS') || case when " + micros + " = '000000' then ''"
                + " when " + micros + " like '%000' then '.' || to_char(" + utc + ", 'MS') else '.' || " + micros
                + " end || 'Z'";
    }

    private CallRows() {}

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
