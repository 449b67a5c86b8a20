package io.switchboard.queue;

import java.time.Duration;

/**
 * What a queue's figures are counted by: its own settings where an admin set them, else the global defaults
 * ({@code switchboard.queues.*}).
 *
 * @param serviceLevelSeconds a call answered within this many seconds of waiting meets the service level
 * @param serviceLevelTarget the share of calls that should meet it (0.8 = 80 %), for the staffing hint
 * @param wrapUp how long an agent stays in wrap-up after a call of this queue
 */
public record QueueRules(int serviceLevelSeconds, double serviceLevelTarget, Duration wrapUp) {}
