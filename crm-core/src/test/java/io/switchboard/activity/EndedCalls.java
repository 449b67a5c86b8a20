package io.switchboard.activity;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallLeg;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.Party;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Ended calls as the call tracker reports them, for tests. */
final class EndedCalls {

    static final Instant NOON = Instant.parse("2026-11-02T12:00:00Z");

    private EndedCalls() {}

    /** An inbound queue call answered by {@code agent} after 20 s, talked for 95 s. */
    static CallEnded answered(String callId, String caller, String queue, String agent, Instant startedAt) {
        Instant answered = startedAt.plusSeconds(20);
        return new CallEnded(
                callId,
                answered.plusSeconds(95),
                CallDirection.INBOUND,
                Party.of(caller, "Caller " + caller),
                "500",
                queue,
                agent,
                agent,
                agent,
                startedAt,
                answered,
                8,
                20,
                95,
                16,
                "Normal Clearing",
                CallOutcome.ANSWERED,
                false,
                List.of());
    }

    /** An inbound queue call the caller gave up on after 45 s while {@code rangAgent} was rung. */
    static CallEnded abandoned(String callId, String caller, String queue, String rangAgent, Instant startedAt) {
        return new CallEnded(
                callId,
                startedAt.plus(Duration.ofSeconds(45)),
                CallDirection.INBOUND,
                Party.of(caller, null),
                "500",
                queue,
                rangAgent,
                null,
                null,
                startedAt,
                null,
                30,
                45,
                0,
                16,
                "Normal Clearing",
                CallOutcome.ABANDONED,
                false,
                List.of());
    }

    /** An agent's outbound call to {@code number}, answered after 10 s and talked for 60 s. */
    static CallEnded outbound(String callId, String agent, String number, Instant startedAt) {
        return new CallEnded(
                callId,
                startedAt.plusSeconds(70),
                CallDirection.OUTBOUND,
                Party.of(agent, null),
                number,
                null,
                null,
                agent,
                agent,
                startedAt,
                startedAt.plusSeconds(10),
                10,
                0,
                60,
                16,
                "Normal Clearing",
                CallOutcome.ANSWERED,
                false,
                List.of());
    }

    /**
     * An inbound call answered in {@code support} by 1001 after 20 s, blind-transferred after 30 s to {@code sales},
     * where 1004 answered 10 s later and talked for 60 s.
     */
    static CallEnded transferred(String callId, String caller, Instant startedAt) {
        Instant answered = startedAt.plusSeconds(20);
        Instant transferredAt = answered.plusSeconds(30);
        Instant ended = transferredAt.plusSeconds(70);
        return new CallEnded(
                callId,
                ended,
                CallDirection.INBOUND,
                Party.of(caller, null),
                "500",
                "sales",
                "1001",
                "1001",
                "1004",
                startedAt,
                answered,
                5,
                20,
                100,
                16,
                "Normal Clearing",
                CallOutcome.ANSWERED,
                false,
                List.of(
                        new CallLeg("support", "1001", startedAt, answered, transferredAt, true),
                        new CallLeg("sales", "1004", transferredAt, transferredAt.plusSeconds(10), ended, false)));
    }
}
