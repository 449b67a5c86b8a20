package io.switchboard.gateway.webhook;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids accepted lately, to recognise a PBX's retry of an event already taken. Bounded both ways: an id is
 * forgotten after {@code window}, or earlier when {@code capacity} newer ids have come. Not thread-safe.
 */
final class RecentEventIds {

    private final int capacity;
    private final long windowMillis;
    /** Id to the time it was accepted, oldest first. */
    private final Map<String, Long> ids;

    RecentEventIds(int capacity, Duration window) {
        this.capacity = capacity;
        this.windowMillis = window.toMillis();
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16));
    }

    boolean contains(String id, long now) {
        forgetOlderThan(now - windowMillis);
        return ids.containsKey(id);
    }

    void add(String id, long now) {
        ids.put(id, now);
        if (ids.size() > capacity) {
            Iterator<String> oldest = ids.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    int size() {
        return ids.size();
    }

    private void forgetOlderThan(long cutoff) {
        Iterator<Map.Entry<String, Long>> oldest = ids.entrySet().iterator();
        while (oldest.hasNext() && oldest.next().getValue() < cutoff) {
            oldest.remove();
        }
    }
}
