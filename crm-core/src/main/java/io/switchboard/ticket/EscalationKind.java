package io.switchboard.ticket;

/** Why a ticket moved up a tier. */
public enum EscalationKind {
    /** Someone escalated it by hand, with a reason. */
    MANUAL,
    /** An SLA target reached the warning threshold (e.g. 80 % of its time used). */
    WARNING,
    /** An SLA target was breached. */
    BREACH
}
