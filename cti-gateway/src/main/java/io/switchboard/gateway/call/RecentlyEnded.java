package io.switchboard.gateway.call;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the ids of channels and calls that ended, so that late or replayed events and resync listings taken
 * just before a hangup cannot bring an ended call back to life. Bounded: the oldest ids are forgotten first.
 */
final class RecentlyEnded {

    private final Map<String, Boolean> ids;

    RecentlyEnded(int capacity) {
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    void add(String id) {
        ids.put(id, Boolean.TRUE);
    }

    boolean contains(String id) {
        return id != null && ids.containsKey(id);
    }
}
