package io.switchboard.ticket;

import static io.switchboard.jdbc.JdbcTime.instant;

import io.switchboard.directory.UserId;
import io.switchboard.jdbc.JdbcTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Reads and writes the rows of the ticket tables: select lists, row mappers, timestamp parameters. */
final class TicketRows {

    /** Columns of {@code tickets t} with the contact's, account's and assignee's names. */
    static final String SELECT =
            "select t.id, t.subject, t.description, t.category, t.priority, t.status, t.contact_id,"
                    + " c.name as contact_name, t.account_id, ac.name as account_name, t.tier, t.assignee_id,"
                    + " au.username as assignee_name, t.opened_by, t.sla_policy, t.sla_calendar, t.created_at, t.updated_at,"
                    + " t.first_responded_at, t.resolved_at, t.closed_at, t.next_check_at, t.version"
                    + " from tickets t left join contacts c on c.id = t.contact_id"
                    + " left join accounts ac on ac.id = t.account_id left join users au on au.id = t.assignee_id";

    static final String SELECT_CLOCKS = "select ticket_id, target, target_seconds, consumed_seconds, running_since,"
            + " warn_at, due_at, warned_at, breached_at, met_at from ticket_sla_clocks";

    static final String SELECT_HISTORY = "select h.changed_at, h.actor_id, u.display_name as actor_name, h.kind,"
            + " h.from_value, h.to_value, h.reason from ticket_history h left join users u on u.id = h.actor_id";

    private TicketRows() {}

    static TicketState ticket(ResultSet rs, int row) throws SQLException {
        TicketState state = new TicketState();
        state.id = rs.getLong("id");
        state.subject = rs.getString("subject");
        state.description = rs.getString("description");
        state.category = rs.getString("category");
        state.priority = TicketPriority.valueOf(rs.getString("priority"));
        state.status = TicketStatus.valueOf(rs.getString("status"));
        state.contactId = nullableLong(rs, "contact_id");
        state.contactName = rs.getString("contact_name");
        state.accountId = nullableLong(rs, "account_id");
        state.accountName = rs.getString("account_name");
        state.tier = rs.getString("tier");
        state.assigneeId = nullableLong(rs, "assignee_id");
        state.assigneeName = rs.getString("assignee_name");
        state.openedBy = nullableLong(rs, "opened_by");
        state.slaPolicy = rs.getString("sla_policy");
        state.slaCalendar = rs.getString("sla_calendar");
        state.createdAt = instant(rs, "created_at");
        state.updatedAt = instant(rs, "updated_at");
        state.firstRespondedAt = instant(rs, "first_responded_at");
        state.resolvedAt = instant(rs, "resolved_at");
        state.closedAt = instant(rs, "closed_at");
        state.nextCheckAt = instant(rs, "next_check_at");
        state.version = rs.getLong("version");
        return state;
    }

    static SlaClock clock(ResultSet rs) throws SQLException {
        SlaClock clock = new SlaClock(SlaTarget.valueOf(rs.getString("target")), rs.getLong("target_seconds"));
        clock.consumedSeconds = rs.getLong("consumed_seconds");
        clock.runningSince = instant(rs, "running_since");
        clock.warnAt = instant(rs, "warn_at");
        clock.dueAt = instant(rs, "due_at");
        clock.warnedAt = instant(rs, "warned_at");
        clock.breachedAt = instant(rs, "breached_at");
        clock.metAt = instant(rs, "met_at");
        clock.stored = true;
        return clock;
    }

    static TicketChange change(ResultSet rs, int row) throws SQLException {
        Long actor = nullableLong(rs, "actor_id");
        return new TicketChange(
                instant(rs, "changed_at"),
                actor == null ? null : new UserId(actor),
                actor == null ? "system" : rs.getString("actor_name"),
                ChangeKind.valueOf(rs.getString("kind")),
                rs.getString("from_value"),
                rs.getString("to_value"),
                rs.getString("reason"));
    }

    static MapSqlParameterSource ticketParameters(TicketState t) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("id", t.id)
                .addValue("subject", t.subject)
                .addValue("description", t.description)
                .addValue("category", t.category)
                .addValue("priority", t.priority.name())
                .addValue("status", t.status.name())
                .addValue("contactId", t.contactId, Types.BIGINT)
                .addValue("accountId", t.accountId, Types.BIGINT)
                .addValue("tier", t.tier)
                .addValue("assigneeId", t.assigneeId, Types.BIGINT)
                .addValue("openedBy", t.openedBy, Types.BIGINT)
                .addValue("slaPolicy", t.slaPolicy)
                .addValue("slaCalendar", t.slaCalendar)
                .addValue("version", t.version);
        timestamp(p, "createdAt", t.createdAt);
        timestamp(p, "updatedAt", t.updatedAt);
        timestamp(p, "firstRespondedAt", t.firstRespondedAt);
        timestamp(p, "resolvedAt", t.resolvedAt);
        timestamp(p, "closedAt", t.closedAt);
        timestamp(p, "nextCheckAt", t.nextCheckAt);
        return p;
    }

    static MapSqlParameterSource clockParameters(long ticketId, SlaClock c) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("ticketId", ticketId)
                .addValue("target", c.kind.name())
                .addValue("targetSeconds", c.targetSeconds)
                .addValue("consumedSeconds", c.consumedSeconds);
        timestamp(p, "runningSince", c.runningSince);
        timestamp(p, "warnAt", c.warnAt);
        timestamp(p, "dueAt", c.dueAt);
        timestamp(p, "warnedAt", c.warnedAt);
        timestamp(p, "breachedAt", c.breachedAt);
        timestamp(p, "metAt", c.metAt);
        return p;
    }

    static MapSqlParameterSource timestamp(MapSqlParameterSource parameters, String name, Instant value) {
        return parameters.addValue(name, JdbcTime.timestamp(value), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
