package io.switchboard.gateway.call;

import io.switchboard.gateway.worker.Overflow;

/** How the {@link CallEventBus} hands a subscriber its events. */
public sealed interface CallEventDelivery {

    /**
     * On the publishing thread (a call tracker's), before publish returns: no hand-off at all. Only for handlers that
     * are quick and never block, such as putting the event on a queue or thread of the subscriber's own: one that
     * blocks holds up the tracker and every other subscriber.
     */
    static CallEventDelivery inline() {
        return Inline.INSTANCE;
    }

    /**
     * On a thread of the subscriber's own, in order, from a queue of at most {@code capacity} events: a slow
     * subscriber delays only itself, and what does not fit its queue is dropped by {@code overflow} (counted).
     */
    static CallEventDelivery queued(int capacity, Overflow overflow) {
        return new Queued(capacity, overflow);
    }

    /** See {@link #inline()}. */
    enum Inline implements CallEventDelivery {
        INSTANCE
    }

    /** See {@link #queued(int, Overflow)}. */
    record Queued(int capacity, Overflow overflow) implements CallEventDelivery {
        public Queued {
            if (capacity < 1) {
                throw new IllegalArgumentException("a subscriber's queue must hold at least 1 event, not " + capacity);
            }
            if (overflow == null) {
                throw new IllegalArgumentException("a queued subscriber needs an overflow policy");
            }
        }
    }
}
