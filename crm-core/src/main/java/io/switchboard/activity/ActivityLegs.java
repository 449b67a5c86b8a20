package io.switchboard.activity;

import static io.switchboard.jdbc.JdbcTime.instant;
import static io.switchboard.jdbc.JdbcTime.timestamp;

import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallLeg;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The {@code activity_legs} rows: written with a call's activity, read back onto the activities a page shows. */
final class ActivityLegs {

    private static final String INSERT = "insert into activity_legs (call_id, seq, queue, agent_extension,"
            + " started_at, answered_at, ended_at, transferred) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

    private static final String MARK_TRANSFERRED = "update activities set transferred = true where call_id = ?"
            + " and transferred = false and exists (select 1 from activity_legs l where l.call_id = activities.call_id"
            + " and l.transferred)";

    private ActivityLegs() {}

    /** Writes the path of every call that has one (calls that reached no queue or agent have none). */
    static void insert(JdbcTemplate jdbc, List<CallEnded> calls) {
        List<Object[]> rows = new ArrayList<>();
        for (CallEnded call : calls) {
            int seq = 0;
            for (CallLeg leg : call.path()) {
                rows.add(new Object[] {
                    call.callId(),
                    seq++,
                    cut(leg.queue(), 80),
                    cut(leg.agent(), 80),
                    timestamp(leg.startedAt()),
                    timestamp(leg.answeredAt()),
                    timestamp(leg.endedAt()),
                    leg.transferred()
                });
            }
        }
        if (!rows.isEmpty()) {
            int[] types = {
                Types.VARCHAR,
                Types.INTEGER,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.TIMESTAMP_WITH_TIMEZONE,
                Types.TIMESTAMP_WITH_TIMEZONE,
                Types.TIMESTAMP_WITH_TIMEZONE,
                Types.BOOLEAN
            };
            jdbc.batchUpdate(INSERT, rows, types);
            markTransferred(jdbc, calls);
        }
    }

    /**
     * Sets the activity's {@code transferred} flag of each call a leg of which ended with a transfer (the call history
     * reads the flag instead of asking the legs per row). It asks the legs as stored, so a replayed call whose legs
     * were already written keeps what they say.
     */
    private static void markTransferred(JdbcTemplate jdbc, List<CallEnded> calls) {
        List<Object[]> transferred = new ArrayList<>();
        for (CallEnded call : calls) {
            if (call.path().stream().anyMatch(CallLeg::transferred)) {
                transferred.add(new Object[] {cut(call.callId(), 128)});
            }
        }
        if (!transferred.isEmpty()) {
            jdbc.batchUpdate(MARK_TRANSFERRED, transferred, new int[] {Types.VARCHAR});
        }
    }

    /** The activities with their paths, read in one query for the whole page. */
    static List<Activity> attach(NamedParameterJdbcTemplate jdbc, List<Activity> activities) {
        if (activities.isEmpty()) {
            return activities;
        }
        Map<String, List<ActivityLeg>> paths = new HashMap<>();
        jdbc.query(
                "select call_id, queue, agent_extension, started_at, answered_at, ended_at, transferred"
                        + " from activity_legs where call_id in (:calls) order by call_id, seq",
                Map.of("calls", activities.stream().map(Activity::callId).toList()),
                (ResultSet rs) -> {
                    paths.computeIfAbsent(rs.getString("call_id"), id -> new ArrayList<>())
                            .add(new ActivityLeg(
                                    rs.getString("queue"),
                                    rs.getString("agent_extension"),
                                    instant(rs, "started_at"),
                                    instant(rs, "answered_at"),
                                    instant(rs, "ended_at"),
                                    rs.getBoolean("transferred")));
                });
        return activities.stream()
                .map(a -> paths.containsKey(a.callId()) ? a.withPath(paths.get(a.callId())) : a)
                .toList();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
