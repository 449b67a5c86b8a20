package io.switchboard.reportmail;

/** The reports one can subscribe to: the call history (with its filters) and the interval report. */
public enum ReportKind {
    CALLS,
    INTERVALS
}
