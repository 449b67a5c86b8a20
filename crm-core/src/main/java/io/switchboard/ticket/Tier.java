package io.switchboard.ticket;

/**
 * A support tier: an ordered group of users that tickets escalate through.
 *
 * @param level the tier's place in the escalation order, 1 for the first; escalation goes to the next active tier
 * @param active an inactive tier keeps its tickets but gets no new ones, by opening or escalation
 * @param sla the tier's own SLA policy for tickets opened in it; {@code null}: the priority's policies
 * @param mailbox where escalations to the tier are mailed (a distribution list); {@code null}: none
 */
public record Tier(String name, int level, AssignmentRule assignment, boolean active, TierSla sla, String mailbox) {

    /** An active tier without an SLA policy or mailbox of its own. */
    public Tier(String name, int level, AssignmentRule assignment) {
        this(name, level, assignment, true, null, null);
    }
}
