package io.switchboard.gateway.ami;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The listings (CoreShowChannels, QueueStatus) this gateway asked for and whose end has not arrived yet, by ActionID.
 * A listing's end is taken as the PBX's word on which channels and queue entries exist, so only the listing the
 * gateway requested may reconcile the tracker: any other (a mangled frame, a listing meant for another session)
 * would end every live call as missed. Written by the resync thread before it sends, read by the tracking thread.
 */
final class ListingRequests {

    private static final String PREFIX = "switchboard-listing-";

    private final AtomicLong sequence = new AtomicLong();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    /** A new session starts afresh: listings asked for on a dropped session never complete. */
    void newSession() {
        pending.clear();
    }

    /** Registers a listing about to be requested; returns the ActionID to send it with. */
    String register() {
        String actionId = PREFIX + sequence.incrementAndGet();
        pending.add(actionId);
        return actionId;
    }

    /** Whether an item or the end of a listing answers a request of ours that is still open. */
    boolean requested(String actionId) {
        return actionId != null && pending.contains(actionId);
    }

    /** The end of a listing arrived: later events with its ActionID are no longer part of it. */
    void completed(String actionId) {
        if (actionId != null) {
            pending.remove(actionId);
        }
    }
}
