package io.switchboard.report;

/** What the call history is sorted by; ties are broken by the start time and id, so pages never overlap. */
public enum CallSort {
    STARTED("a.started_at"),
    WAIT("a.wait_seconds"),
    TALK("a.talk_seconds"),
    QUEUE("a.queue"),
    AGENT("a.agent_extension"),
    OUTCOME("a.outcome"),
    DIRECTION("a.direction");

    final String column;

    CallSort(String column) {
        this.column = column;
    }
}
