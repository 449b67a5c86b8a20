package io.switchboard.ticket;

/**
 * A support tier: an ordered group of users that tickets escalate through.
 *
 * @param level 1 for the first tier; escalation goes to {@code level + 1}
 */
public record Tier(String name, int level, AssignmentRule assignment) {}
