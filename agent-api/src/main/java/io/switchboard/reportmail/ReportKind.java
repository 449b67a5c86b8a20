package io.switchboard.reportmail;

/** The reports one can subscribe to: the call history (with its filters), the interval report, agent sessions. */
public enum ReportKind {
    CALLS,
    INTERVALS,
    AGENT_SESSIONS
}
