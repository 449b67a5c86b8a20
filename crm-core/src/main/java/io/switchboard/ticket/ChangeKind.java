package io.switchboard.ticket;

/** What one entry of a ticket's history records. */
public enum ChangeKind {
    CREATED,
    SUBJECT,
    DESCRIPTION,
    PRIORITY,
    CONTACT,
    STATUS,
    ASSIGNEE,
    /** An update was sent to the customer (meets the first response, restarts the next-update clock). */
    RESPONDED,
    CALL_LINKED,
    ESCALATED_MANUALLY,
    ESCALATED_ON_WARNING,
    ESCALATED_ON_BREACH,
    /** A warning with no tier left to escalate to: only notified. */
    SLA_WARNING,
    /** A breach with no tier left to escalate to: only notified. */
    SLA_BREACH,
    /** An internal note: for colleagues only, not sent to the customer, no effect on the SLA clocks. */
    NOTE,
    /** Sent back to a lower tier by hand, with a reason. */
    DE_ESCALATED,
    /** The category changed (from, to; either may be none). */
    CATEGORY,
    /** The tags changed (from, to: comma-separated). */
    TAGS
}
