package io.switchboard.report;

import static io.switchboard.jdbc.JdbcTime.timestamp;

import io.switchboard.activity.ActivityHistory;
import io.switchboard.activity.ActivityId;
import io.switchboard.directory.Viewer;
import io.switchboard.jdbc.BinaryResults;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The call history for supervisors and admins: calls filtered, sorted and paged, streamed whole for an export, and
 * one call's detail.
 *
 * <p>A page asks for one row more than it shows to know whether another follows, and never counts the whole
 * selection. The export reads through a database cursor ({@code fetchSize} rows at a time, inside a read-only
 * transaction, which PostgreSQL's driver needs for a cursor): a month of calls streams without being held in memory.
 */
public class CallHistory {

    /** Rows the export's cursor fetches at a time. */
    static final int FETCH_SIZE = 2_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final ActivityHistory activities;

    public CallHistory(JdbcTemplate jdbc, TransactionTemplate transactions, ActivityHistory activities) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        // rows in PostgreSQL's binary format: three timestamps a call, not formatted as text and parsed again
        JdbcTemplate streaming = BinaryResults.template(jdbc.getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(streaming);
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.activities = activities;
    }

    /** @param page zero-based */
    public CallHistoryPage page(CallHistoryFilter filter, Viewer viewer, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        String sql = select(filter, viewer, parameters) + " limit :limit offset :offset";
        parameters.put("limit", size + 1);
        parameters.put("offset", (long) page * size);
        List<CallRow> rows = jdbc.query(sql, parameters, CallRows.MAPPER);
        boolean hasNext = rows.size() > size;
        return new CallHistoryPage(hasNext ? rows.subList(0, size) : rows, page, size, hasNext);
    }

    /**
     * Every matching call as CSV ({@link CallHistoryCsv}'s columns, header first) in UTF-8, written as the cursor
     * reads the rows, a batch at a time, by a second thread ({@link CsvWritingThread}) so that reading and
     * writing overlap.
     *
     * @return the calls written
     */
    public long exportCsv(CallHistoryFilter filter, Viewer viewer, OutputStream out) {
        try (CsvWritingThread writer = CsvWritingThread.to(out)) {
            each(filter, viewer, writer);
            return writer.finish();
        }
    }

    /** Every matching call, in the filter's order, handed over one at a time as the cursor reads them. */
    public void each(CallHistoryFilter filter, Viewer viewer, Consumer<CallRow> into) {
        Map<String, Object> parameters = new HashMap<>();
        String sql = select(filter, viewer, parameters);
        readOnly.executeWithoutResult(status -> cursor.query(sql, parameters, rs -> {
            into.accept(CallRows.MAPPER.mapRow(rs, 0));
        }));
    }

    /** One call with its path, contact and linked tickets, if the viewer's history holds it. */
    public Optional<CallDetail> detail(long id, Viewer viewer) {
        Map<String, Object> parameters = new HashMap<>();
        String scope = CallHistoryScope.sql(viewer, parameters);
        parameters.put("id", id);
        List<String> callIds = jdbc.queryForList(
                "select a.call_id from activities a where a.id = :id and " + scope, parameters, String.class);
        if (callIds.isEmpty()) {
            return Optional.empty();
        }
        List<LinkedTicket> tickets = jdbc.query(
                "select t.id, t.subject, t.status, t.tier from ticket_calls tc join tickets t on t.id = tc.ticket_id"
                        + " where tc.call_id = :call order by t.id",
                Map.of("call", callIds.get(0)),
                (rs, row) -> new LinkedTicket(
                        rs.getLong("id"), rs.getString("subject"), rs.getString("status"), rs.getString("tier")));
        // the call log sees at least what the history does, so its reader gives the whole call with its path
        return activities.find(new ActivityId(id), viewer).map(call -> new CallDetail(call, tickets));
    }

    private static String select(CallHistoryFilter filter, Viewer viewer, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add(CallHistoryScope.sql(viewer, parameters));
        conditions.add("a.started_at >= :from and a.started_at < :to");
        parameters.put("from", timestamp(filter.from()));
        parameters.put("to", timestamp(filter.to()));
        if (filter.direction() != null) {
            conditions.add("a.direction = :direction");
            parameters.put("direction", filter.direction().name());
        }
        if (filter.outcome() != null) {
            conditions.add("a.outcome = :outcome");
            parameters.put("outcome", filter.outcome().name());
        }
        if (filter.queue() != null) {
            conditions.add("a.queue = :queue");
            parameters.put("queue", filter.queue());
        }
        if (filter.agent() != null) {
            conditions.add("(a.agent_extension = :agent or exists (select 1 from activity_legs al"
                    + " where al.call_id = a.call_id and al.agent_extension = :agent))");
            parameters.put("agent", filter.agent());
        }
        if (filter.disposition() != null) {
            conditions.add("a.disposition = :disposition");
            parameters.put("disposition", filter.disposition());
        }
        String suffix = filter.numberSuffix();
        if (suffix != null) {
            // numbers are stored as the PBX sent them: compare their digits' end, whatever the punctuation
            conditions.add("(" + digits("a.caller_number") + " like :number or " + digits("a.callee_number")
                    + " like :number)");
            parameters.put("number", "%" + suffix);
        }
        if (filter.waitOver() != null) {
            conditions.add("a.wait_seconds > :waitOver");
            parameters.put("waitOver", filter.waitOver());
        }
        if (filter.talkOver() != null) {
            conditions.add("a.talk_seconds > :talkOver");
            parameters.put("talkOver", filter.talkOver());
        }
        if (filter.transferred() != null) {
            conditions.add((filter.transferred() ? "" : "not ") + CallRows.TRANSFERRED);
        }
        String direction = filter.ascending() ? " asc" : " desc";
        String order = filter.sort() == CallSort.STARTED
                ? "a.started_at" + direction + ", a.id" + direction
                : filter.sort().column + direction + " nulls last, a.started_at desc, a.id desc";
        return CallRows.SELECT + " where " + String.join(" and ", conditions) + " order by " + order;
    }

    /** The number without the punctuation people and PBXes write into numbers, in SQL every database runs. */
    private static String digits(String column) {
        String sql = "coalesce(" + column + ", '')";
        for (String mark : new String[] {" ", "-", "+", "(", ")", ".", "/"}) {
            sql = "replace(" + sql + ", '" + mark + "', '')";
        }
        return sql;
    }
}
