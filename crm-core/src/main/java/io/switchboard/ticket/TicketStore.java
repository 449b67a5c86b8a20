package io.switchboard.ticket;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The ticket tables in SQL (the same on PostgreSQL and on H2 in PostgreSQL mode). Callers hold the transaction: a
 * ticket is changed only while its row is locked ({@link #lock}, {@link #lockDue}).
 */
final class TicketStore {

    private final NamedParameterJdbcTemplate jdbc;

    TicketStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new ticket with its clocks, calls and history; sets its id. */
    void insert(TicketState t) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into tickets (subject, description, category, priority, status, contact_id, account_id, tier,"
                        + " assignee_id, opened_by, sla_policy, sla_calendar, created_at, updated_at,"
                        + " first_responded_at, resolved_at, closed_at, next_check_at, version) values (:subject,"
                        + " :description, :category, :priority, :status, :contactId, :accountId, :tier, :assigneeId, :openedBy,"
                        + " :slaPolicy, :slaCalendar, :createdAt, :updatedAt, :firstRespondedAt, :resolvedAt,"
                        + " :closedAt, :nextCheckAt, 0)",
                TicketRows.ticketParameters(t),
                key,
                new String[] {"id"});
        t.id = key.getKeyAs(Long.class);
        t.tagsChanged = !t.tags.isEmpty();
        writeChildren(List.of(t));
    }

    /** Locks the ticket's row until the transaction ends (waiting for whoever holds it) and loads it. */
    Optional<TicketState> lock(long id) {
        List<Long> locked =
                jdbc.queryForList("select id from tickets where id = :id for update", Map.of("id", id), Long.class);
        return locked.isEmpty() ? Optional.empty() : load(locked).stream().findFirst();
    }

    /**
     * Locks up to {@code limit} tickets with an escalation due, skipping those another node (or an editor) holds:
     * each due ticket goes to exactly one scheduler, and none waits for another.
     */
    List<Long> lockDue(Instant now, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
        TicketRows.timestamp(parameters, "now", now);
        return jdbc.queryForList(
                "select id from tickets where next_check_at <= :now order by next_check_at limit :limit"
                        + " for update skip locked",
                parameters,
                Long.class);
    }

    /** The tickets with their clocks and calls, in the order of {@code ids}. */
    List<TicketState> load(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> parameters = Map.of("ids", ids);
        Map<Long, TicketState> byId = new LinkedHashMap<>();
        ids.forEach(id -> byId.put(id, null));
        jdbc.query(TicketRows.SELECT + " where t.id in (:ids)", parameters, TicketRows::ticket)
                .forEach(t -> byId.put(t.id, t));
        byId.values().removeIf(t -> t == null);
        jdbc.query(TicketRows.SELECT_CLOCKS + " where ticket_id in (:ids)", parameters, rs -> {
            SlaClock clock = TicketRows.clock(rs);
            byId.get(rs.getLong("ticket_id")).clocks.put(clock.kind, clock);
        });
        jdbc.query(
                "select ticket_id, call_id from ticket_calls where ticket_id in (:ids) order by linked_at, call_id",
                parameters,
                rs -> {
                    byId.get(rs.getLong("ticket_id")).callIds.add(rs.getString("call_id"));
                });
        jdbc.query("select ticket_id, tag from ticket_tags where ticket_id in (:ids) order by tag", parameters, rs -> {
            byId.get(rs.getLong("ticket_id")).tags.add(rs.getString("tag"));
        });
        return new ArrayList<>(byId.values());
    }

    /** Writes the changed tickets back: fields, clocks, new calls and history; each version goes up by one. */
    void save(List<TicketState> tickets) {
        if (tickets.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "update tickets set subject = :subject, description = :description, category = :category,"
                        + " priority = :priority,"
                        + " status = :status, contact_id = :contactId, account_id = :accountId, tier = :tier,"
                        + " assignee_id = :assigneeId, sla_policy = :slaPolicy, sla_calendar = :slaCalendar,"
                        + " updated_at = :updatedAt, first_responded_at = :firstRespondedAt,"
                        + " resolved_at = :resolvedAt, closed_at = :closedAt, next_check_at = :nextCheckAt,"
                        + " version = version + 1 where id = :id",
                tickets.stream().map(TicketRows::ticketParameters).toArray(SqlParameterSource[]::new));
        tickets.forEach(t -> t.version++);
        List<SqlParameterSource> removed = new ArrayList<>();
        for (TicketState t : tickets) {
            t.removedClocks.forEach(kind -> removed.add(
                    new MapSqlParameterSource().addValue("ticketId", t.id).addValue("target", kind.name())));
        }
        if (!removed.isEmpty()) {
            jdbc.batchUpdate(
                    "delete from ticket_sla_clocks where ticket_id = :ticketId and target = :target",
                    removed.toArray(SqlParameterSource[]::new));
        }
        writeChildren(tickets);
    }

    /** Whether the ticket exists and satisfies a visibility condition on {@code tickets t} / {@code contacts c}. */
    boolean matches(long id, String condition, Map<String, Object> visibilityParameters) {
        Map<String, Object> parameters = new HashMap<>(visibilityParameters);
        parameters.put("id", id);
        Long count = jdbc.queryForObject(
                "select count(*) from tickets t left join contacts c on c.id = t.contact_id where t.id = :id and "
                        + condition,
                parameters,
                Long.class);
        return count != null && count > 0;
    }

    List<TicketChange> history(long id) {
        return jdbc.query(
                TicketRows.SELECT_HISTORY + " where h.ticket_id = :id order by h.changed_at, h.id",
                Map.of("id", id),
                TicketRows::change);
    }

    /** Tickets with a breached SLA target that is not met yet (what the overdue gauge shows). */
    long overdue() {
        Long count = jdbc.queryForObject(
                "select count(distinct ticket_id) from ticket_sla_clocks where breached_at is not null"
                        + " and met_at is null",
                Map.of(),
                Long.class);
        return count == null ? 0 : count;
    }

    private void writeChildren(List<TicketState> tickets) {
        List<SqlParameterSource> inserted = new ArrayList<>();
        List<SqlParameterSource> updated = new ArrayList<>();
        List<SqlParameterSource> calls = new ArrayList<>();
        List<SqlParameterSource> history = new ArrayList<>();
        List<Long> retagged = new ArrayList<>();
        List<SqlParameterSource> tags = new ArrayList<>();
        for (TicketState t : tickets) {
            if (t.tagsChanged) {
                retagged.add(t.id);
                t.tags.forEach(tag -> tags.add(
                        new MapSqlParameterSource().addValue("ticketId", t.id).addValue("tag", tag)));
                t.tagsChanged = false;
            }
            for (SlaClock clock : t.clocks()) {
                if (!clock.stored) {
                    inserted.add(TicketRows.clockParameters(t.id, clock));
                } else if (clock.changed) {
                    updated.add(TicketRows.clockParameters(t.id, clock));
                }
                clock.stored = true;
                clock.changed = false;
            }
            for (String call : t.newCalls) {
                MapSqlParameterSource p =
                        new MapSqlParameterSource().addValue("ticketId", t.id).addValue("callId", call);
                calls.add(TicketRows.timestamp(p, "linkedAt", t.updatedAt));
            }
            for (TicketState.Entry entry : t.entries) {
                MapSqlParameterSource p = new MapSqlParameterSource()
                        .addValue("ticketId", t.id)
                        .addValue("actor", entry.actor(), Types.BIGINT)
                        .addValue("kind", entry.kind().name())
                        .addValue("from", truncate(entry.from(), 300))
                        .addValue("to", truncate(entry.to(), 300))
                        .addValue("reason", truncate(entry.reason(), 4000));
                history.add(TicketRows.timestamp(p, "at", entry.at()));
            }
            t.newCalls.clear();
            t.entries.clear();
            t.removedClocks.clear();
        }
        batch(
                "insert into ticket_sla_clocks (ticket_id, target, target_seconds, consumed_seconds, running_since,"
                        + " warn_at, due_at, warned_at, breached_at, met_at) values (:ticketId, :target,"
                        + " :targetSeconds, :consumedSeconds, :runningSince, :warnAt, :dueAt, :warnedAt, :breachedAt,"
                        + " :metAt)",
                inserted);
        batch(
                "update ticket_sla_clocks set target_seconds = :targetSeconds, consumed_seconds = :consumedSeconds,"
                        + " running_since = :runningSince, warn_at = :warnAt, due_at = :dueAt, warned_at = :warnedAt,"
                        + " breached_at = :breachedAt, met_at = :metAt where ticket_id = :ticketId and target = :target",
                updated);
        if (!retagged.isEmpty()) {
            jdbc.update("delete from ticket_tags where ticket_id in (:ids)", Map.of("ids", retagged));
        }
        batch("insert into ticket_tags (ticket_id, tag) values (:ticketId, :tag)", tags);
        batch("insert into ticket_calls (ticket_id, call_id, linked_at) values (:ticketId, :callId, :linkedAt)", calls);
        batch(
                "insert into ticket_history (ticket_id, changed_at, actor_id, kind, from_value, to_value, reason)"
                        + " values (:ticketId, :at, :actor, :kind, :from, :to, :reason)",
                history);
    }

    private void batch(String sql, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
