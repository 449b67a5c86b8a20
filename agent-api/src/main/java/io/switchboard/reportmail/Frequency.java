package io.switchboard.reportmail;

/** How often a subscription's report is mailed: each day for the day before, or once a week for the week before. */
public enum Frequency {
    DAILY,
    WEEKLY
}
