package io.switchboard.activity;

import java.util.Set;

/**
 * Keeps something derived from the activities' queue measures (queue, start, outcome, wait, talk, agent) in step
 * with them: the report rollup. Told of the quarter hours whose calls were written or changed, inside the
 * transaction that wrote them, so the activity and what is derived from it commit together or not at all.
 */
@FunctionalInterface
public interface QueueMeasuresListener {

    QueueMeasuresListener NONE = quarters -> {};

    void changed(Set<QueueQuarter> quarters);
}
