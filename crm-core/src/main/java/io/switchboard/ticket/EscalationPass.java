package io.switchboard.ticket;

import java.time.Duration;

/**
 * What one scheduler pass did.
 *
 * @param checked tickets whose due time had come (locked and looked at by this node)
 * @param warnings escalations because a target reached its warning threshold
 * @param breaches escalations because a target was breached
 * @param took the pass's wall-clock time
 */
public record EscalationPass(int checked, int warnings, int breaches, Duration took) {

    public int escalated() {
        return warnings + breaches;
    }
}
