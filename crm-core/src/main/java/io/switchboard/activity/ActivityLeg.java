package io.switchboard.activity;

import java.time.Instant;

/**
 * One leg of a call's way: a queue it waited in and/or the agent who had it, with its times. A call transferred
 * from one agent to another queue or agent has several, in order; {@code transferred} marks a leg that ended with
 * a transfer to the next.
 */
public record ActivityLeg(
        String queue,
        String agentExtension,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        boolean transferred) {}
