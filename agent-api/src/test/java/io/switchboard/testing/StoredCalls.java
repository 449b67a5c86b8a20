package io.switchboard.testing;

import io.switchboard.directory.DirectoryUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Past calls written straight into the call log's tables as the recorder stores them (a ring of 2 s, reconciled:
 * no), for the tests of what reads them back (the call history, the report pages) without placing every call
 * through a PBX.
 */
public record StoredCalls(JdbcTemplate jdbc) {

    /**
     * A call of {@code queue} with the customer's {@code number}: inbound to 500, or outbound from the agent's
     * extension; {@code agent} {@code null} for a call nobody had. Returns its activity's id.
     */
    public long call(
            String callId,
            String direction,
            String outcome,
            String number,
            String queue,
            DirectoryUser agent,
            Instant started,
            int wait,
            int talk,
            String disposition) {
        boolean outbound = direction.equals("OUTBOUND");
        Instant ended = started.plusSeconds(wait + talk);
        jdbc.update(
                "insert into activities (call_id, direction, outcome, caller_number, callee_number, queue,"
                        + " agent_extension, agent_id, team_id, started_at, answered_at, ended_at, ring_seconds,"
                        + " wait_seconds, talk_seconds, reconciled, disposition, recorded_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2, ?, ?, false, ?, ?, 0)",
                callId,
                direction,
                outcome,
                outbound ? agent.extension() : number,
                outbound ? number : "500",
                queue,
                agent == null ? null : agent.extension(),
                agent == null ? null : agent.id().value(),
                agent == null || agent.team() == null ? null : agent.team().value(),
                at(started),
                outcome.equals("ANSWERED") ? at(started.plusSeconds(wait)) : null,
                at(ended),
                wait,
                talk,
                disposition,
                at(ended));
        return jdbc.queryForObject("select id from activities where call_id = ?", Long.class, callId);
    }

    /**
     * The {@code seq}th stretch of a stored call's way, with the agent of {@code extension} in {@code queue}, answered 5
     * s after it started; {@code transferred} when it ended by the transfer to the next.
     */
    public void leg(
            String callId,
            int seq,
            String queue,
            String extension,
            Instant started,
            Instant ended,
            boolean transferred) {
        jdbc.update(
                "insert into activity_legs (call_id, seq, queue, agent_extension, started_at, answered_at, ended_at,"
                        + " transferred) values (?, ?, ?, ?, ?, ?, ?, ?)",
                callId,
                seq,
                queue,
                extension,
                at(started),
                at(started.plusSeconds(5)),
                at(ended),
                transferred);
        // the recorder stores this with the legs it writes (ActivityLegs); a leg written here sets it likewise
        jdbc.update("update activities set transferred = transferred or ? where call_id = ?", transferred, callId);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
