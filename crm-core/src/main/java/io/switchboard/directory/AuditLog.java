package io.switchboard.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what and when, with the subject before and after. Every service that changes users, teams, tiers,
 * queues, campaign settings, do-not-call lists or deletes contacts records here, inside its own transaction, so a
 * change that rolls back leaves no entry and an entry never exists without its change.
 *
 * <p>Append-only: this class inserts and reads, and nothing in the application updates or deletes a row (on
 * PostgreSQL a trigger refuses both). Only admins read it.
 */
@Service
public class AuditLog {

    /** The actor of changes the application makes by itself (a scheduler, an import with no user). */
    public static final String SYSTEM = "system";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            "id, changed_at, actor, action, subject_type, subject_id, before_json, after_json";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /**
     * Records a change made by a user.
     *
     * @param before the subject before the change (any record or map, written as JSON); {@code null} for a creation
     * @param after the subject after it; {@code null} for a deletion
     */
    @Transactional
    public void record(Viewer actor, String action, String subjectType, Object subjectId, Object before, Object after) {
        record(actor == null ? null : actor.user(), action, subjectType, subjectId, before, after);
    }

    /** Records a change made by the user with this id ({@code null}: the application itself). */
    @Transactional
    public void record(UserId actor, String action, String subjectType, Object subjectId, Object before, Object after) {
        record(usernameOf(actor), action, subjectType, subjectId, before, after);
    }

    /** Records a change by the username of who made it ({@link #SYSTEM} for the application itself). */
    @Transactional
    public void record(String actor, String action, String subjectType, Object subjectId, Object before, Object after) {
        jdbc.update(
                "insert into audit_log (" + COLUMNS + ") values (nextval('audit_log_seq'), :at, :actor, :action,"
                        + " :subjectType, :subjectId, :before, :after)",
                new MapSqlParameterSource()
                        .addValue("at", Timestamp.from(clock.instant()))
                        .addValue("actor", actor == null ? SYSTEM : actor)
                        .addValue("action", action)
                        .addValue("subjectType", subjectType)
                        .addValue("subjectId", subjectId == null ? null : subjectId.toString())
                        .addValue("before", json(before))
                        .addValue("after", json(after)));
    }

    /** A page of entries, newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> find(AuditQuery query, Viewer viewer, int page, int size) {
        requireAdmin(viewer);
        MapSqlParameterSource params = parameters(query);
        Long total = jdbc.queryForObject("select count(*) from audit_log" + where(query), params, Long.class);
        List<AuditEntry> entries = jdbc.query(
                "select " + COLUMNS + " from audit_log" + where(query)
                        + " order by changed_at desc, id desc limit :limit offset :offset",
                params.addValue("limit", size).addValue("offset", (long) page * size),
                AuditLog::entry);
        return new PageImpl<>(entries, PageRequest.of(page, size), total == null ? 0 : total);
    }

    /** Every entry of the query, oldest first, one at a time (an export does not hold them all in memory). */
    @Transactional(readOnly = true)
    public void each(AuditQuery query, Viewer viewer, Consumer<AuditEntry> into) {
        requireAdmin(viewer);
        jdbc.query(
                "select " + COLUMNS + " from audit_log" + where(query) + " order by changed_at, id",
                parameters(query),
                (ResultSet row) -> {
                    into.accept(entry(row, 0));
                });
    }

    private static void requireAdmin(Viewer viewer) {
        if (viewer == null || viewer.role() != Role.ADMIN) {
            throw new AuditAccessDeniedException();
        }
    }

    private String usernameOf(UserId actor) {
        if (actor == null) {
            return SYSTEM;
        }
        List<String> names = jdbc.queryForList(
                "select username from users where id = :id", Map.of("id", actor.value()), String.class);
        return names.isEmpty() ? "user " + actor.value() : names.get(0);
    }

    private static String where(AuditQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (query.actor() != null) {
            where.append(" and actor = :actor");
        }
        if (query.action() != null) {
            where.append(" and action = :action");
        }
        if (query.subjectType() != null) {
            where.append(" and subject_type = :subjectType");
        }
        if (query.subjectId() != null) {
            where.append(" and subject_id = :subjectId");
        }
        if (query.from() != null) {
            where.append(" and changed_at >= :from");
        }
        if (query.to() != null) {
            where.append(" and changed_at < :to");
        }
        return where.toString();
    }

    private static MapSqlParameterSource parameters(AuditQuery query) {
        return new MapSqlParameterSource()
                .addValue("actor", query.actor())
                .addValue("action", query.action())
                .addValue("subjectType", query.subjectType())
                .addValue("subjectId", query.subjectId())
                .addValue("from", query.from() == null ? null : Timestamp.from(query.from()))
                .addValue("to", query.to() == null ? null : Timestamp.from(query.to()));
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String text
                ? JSON.writeValueAsString(Map.of("value", text))
                : JSON.writeValueAsString(value);
    }

    private static AuditEntry entry(ResultSet row, int number) throws SQLException {
        return new AuditEntry(
                row.getLong("id"),
                row.getTimestamp("changed_at").toInstant(),
                row.getString("actor"),
                row.getString("action"),
                row.getString("subject_type"),
                row.getString("subject_id"),
                row.getString("before_json"),
                row.getString("after_json"));
    }
}
