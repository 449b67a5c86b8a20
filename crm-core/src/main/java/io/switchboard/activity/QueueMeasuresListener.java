package io.switchboard.activity;

import java.util.List;
import java.util.Set;

/**
 * Keeps something derived from the activities' queue measures (queue, start, outcome, wait, talk, agent) in step
 * with them: the report rollup. Told of the queue calls a transaction really inserted (never of one the insert found
 * already logged, so each call is told once however often it is replayed), inside that transaction, so the activity
 * and what is derived from it commit together or not at all.
 */
@FunctionalInterface
public interface QueueMeasuresListener {

    QueueMeasuresListener NONE = calls -> {};

    /**
     * Called before a batch is inserted with the quarter hours of all its queue calls (new or not), so the listener
     * can lock what it will change: writers of the same quarter hour then insert one after the other, and each
     * insert finds the other's calls committed (H2 miscounts, and misreports as not inserted, rows of a multi-row
     * insert that first met a concurrent writer's uncommitted duplicate).
     */
    default void inserting(Set<QueueQuarter> quarters) {}

    /** The queue calls the batch really inserted, each once, after {@link #inserting} in the same transaction. */
    void inserted(List<QueueCallMeasures> calls);
}
