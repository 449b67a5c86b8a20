package io.switchboard.live;

import java.time.Instant;

/**
 * An agent's state in one queue.
 *
 * @param pausedReason why the agent paused; {@code null} unless {@code PAUSED}
 * @param since when the agent entered this state
 */
public record LiveAgent(String extension, String queue, AgentStatus state, String pausedReason, Instant since) {}
