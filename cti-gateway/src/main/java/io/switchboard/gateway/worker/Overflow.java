package io.switchboard.gateway.worker;

/** What a full {@link BoundedWorker} does with one more item. Either way the offering thread never waits. */
public enum Overflow {
    /** The new item is dropped (counted and logged); what waits is handled. For a stream where every item counts. */
    DROP_NEWEST,
    /**
     * The oldest waiting item is dropped (counted and logged) to make room: for a consumer that folds state, to which
     * the latest item says more than an old one.
     */
    DROP_OLDEST
}
