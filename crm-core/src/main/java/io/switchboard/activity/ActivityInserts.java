package io.switchboard.activity;

import static io.switchboard.jdbc.JdbcTime.timestamp;

import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.PbxCallIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inserts activities many rows per statement, skipping calls that already have one. The unique call id makes the
 * insert idempotent: a replayed event, a duplicate from a resync, or a batch retried after its commit was
 * acknowledged too late all write nothing new, and the keys the insert returns tell which were new. The activities, their
 * legs and what is derived from their queue measures (the report rollup, through {@link QueueMeasuresListener}) are
 * written in one transaction.
 */
final class ActivityInserts {

    private static final String[] COLUMNS = {
        "call_id",
        "pbx",
        "direction",
        "outcome",
        "caller_number",
        "caller_name",
        "callee_number",
        "contact_id",
        "queue",
        "agent_extension",
        "agent_id",
        "team_id",
        "started_at",
        "answered_at",
        "ended_at",
        "ring_seconds",
        "wait_seconds",
        "talk_seconds",
        "hangup_cause",
        "hangup_text",
        "reconciled",
        "recorded_at",
        "version"
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final QueueMeasuresListener measures;
    private final Clock clock;

    ActivityInserts(JdbcTemplate jdbc, TransactionTemplate transactions, QueueMeasuresListener measures, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.measures = measures;
        this.clock = clock;
    }

    /** @return how many of the records were new */
    int insert(List<CallRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Integer inserted = transactions.execute(status -> {
            measures.inserting(quarters(records));
            Set<String> newCallIds = insertRows(records, now);
            ActivityLegs.insert(jdbc, records.stream().map(CallRecord::call).toList());
            List<QueueCallMeasures> newQueueCalls = queueCalls(records, newCallIds);
            if (!newQueueCalls.isEmpty()) {
                // only what this insert wrote: a call already logged (replayed, resynced, retried) is not told again
                measures.inserted(newQueueCalls);
            }
            return newCallIds.size();
        });
        return inserted == null ? 0 : inserted;
    }

    /**
     * Inserts the rows and returns the call ids of those really inserted: the database reports them as generated
     * keys ({@code returning call_id} on PostgreSQL), skipped conflicts not among them.
     */
    private Set<String> insertRows(List<CallRecord> records, Instant now) {
        Set<String> callIds = new HashSet<>();
        jdbc.execute(
                (Connection connection) -> {
                    PreparedStatement statement =
                            connection.prepareStatement(sql(records.size()), new String[] {"call_id"});
                    int index = 1;
                    for (CallRecord record : records) {
                        index = bind(statement, index, record, now);
                    }
                    return statement;
                },
                (PreparedStatement statement) -> {
                    statement.executeUpdate();
                    try (ResultSet keys = statement.getGeneratedKeys()) {
                        while (keys.next()) {
                            callIds.add(keys.getString(1));
                        }
                    }
                    return null;
                });
        return callIds;
    }

    private static Set<QueueQuarter> quarters(List<CallRecord> records) {
        Set<QueueQuarter> quarters = new TreeSet<>();
        for (CallRecord record : records) {
            CallEnded call = record.call();
            String queue = cut(call.queue(), 80);
            if (queue != null) {
                quarters.add(QueueQuarter.of(queue, started(call)));
            }
        }
        return quarters;
    }

    /** The queue calls among the newly inserted, each once (the first of a call id in the batch is the one stored). */
    private static List<QueueCallMeasures> queueCalls(List<CallRecord> records, Set<String> newCallIds) {
        Set<String> told = new HashSet<>();
        List<QueueCallMeasures> calls = new ArrayList<>();
        for (CallRecord record : records) {
            CallEnded call = record.call();
            String callId = cut(call.callId(), 128);
            String queue = cut(call.queue(), 80);
            if (!newCallIds.contains(callId) || !told.add(callId) || queue == null) {
                continue;
            }
            calls.add(new QueueCallMeasures(
                    queue,
                    started(call),
                    call.outcome().name(),
                    seconds(call.waitSeconds()),
                    seconds(call.talkSeconds()),
                    cut(record.agentExtension(), 80)));
        }
        return calls;
    }

    private static Instant started(CallEnded call) {
        return call.startedAt() != null ? call.startedAt() : call.at();
    }

    private static String sql(int rows) {
        String row = "(" + "?, ".repeat(COLUMNS.length - 1) + "?)";
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < rows; i++) {
            values.add(row);
        }
        return "insert into activities (" + String.join(", ", COLUMNS) + ") values " + values
                + " on conflict do nothing";
    }

    private static int bind(PreparedStatement statement, int first, CallRecord record, Instant now)
            throws SQLException {
        CallEnded call = record.call();
        int i = first;
        statement.setString(i++, cut(call.callId(), 128));
        statement.setString(i++, cut(PbxCallIds.pbxOf(call.callId()), 64));
        statement.setString(i++, call.direction().name());
        statement.setString(i++, call.outcome().name());
        statement.setString(i++, cut(call.caller().number(), 64));
        statement.setString(i++, cut(call.caller().name(), 200));
        statement.setString(i++, cut(call.callee(), 64));
        setLong(statement, i++, record.contactId());
        statement.setString(i++, cut(call.queue(), 80));
        statement.setString(i++, cut(record.agentExtension(), 80));
        setLong(statement, i++, record.agentId());
        setLong(statement, i++, record.teamId());
        statement.setObject(i++, timestamp(started(call)));
        statement.setObject(
                i++, call.answeredAt() == null ? null : timestamp(call.answeredAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setObject(i++, timestamp(call.at()));
        statement.setInt(i++, seconds(call.ringSeconds()));
        statement.setInt(i++, seconds(call.waitSeconds()));
        statement.setInt(i++, seconds(call.talkSeconds()));
        statement.setInt(i++, call.hangupCause());
        statement.setString(i++, cut(call.hangupCauseText(), 80));
        statement.setBoolean(i++, call.reconciled());
        statement.setObject(i++, timestamp(now));
        statement.setLong(i++, 0);
        return i;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static int seconds(long seconds) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, seconds));
    }

    /** Text from the PBX is stored as far as it fits rather than refused: the call happened either way. */
    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
