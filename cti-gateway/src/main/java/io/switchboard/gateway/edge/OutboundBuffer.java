package io.switchboard.gateway.edge;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages waiting for one client whose socket is full, in the order they are to be written, at most
 * {@code limit} of them. A replaceable message replaces an unsent one with the same type and key (moving to the
 * back, so it never overtakes an essential message sent before it); past the limit the oldest replaceable
 * message is dropped. Essential messages are never dropped: {@link #offer} reports when they alone exceed the
 * limit, and the session is then closed.
 *
 * <p>Not thread-safe: a session touches its buffer only on its channel's event loop.
 */
final class OutboundBuffer {

    interface Listener {
        void replaced(EdgeMessage older);

        void dropped(EdgeMessage message);
    }

    private record CoalescingKey(String type, String key) {}

    private final int limit;
    private final Listener listener;
    /** Keyed by a {@link CoalescingKey} for replaceable messages and by a sequence number for essential ones. */
    private final LinkedHashMap<Object, EdgeMessage> pending = new LinkedHashMap<>();

    private long nextEssential;
    private int essentials;

    OutboundBuffer(int limit, Listener listener) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        this.listener = listener;
    }

    /** Queues {@code message}; false when essential messages alone are more than the limit. */
    boolean offer(EdgeMessage message) {
        if (message.isEssential()) {
            pending.put(nextEssential++, message);
            essentials++;
        } else {
            CoalescingKey key = new CoalescingKey(message.type(), message.coalescingKey());
            EdgeMessage older = pending.remove(key);
            if (older != null) {
                listener.replaced(older);
            }
            pending.put(key, message);
        }
        while (pending.size() > limit && pending.size() > essentials) {
            dropOldestReplaceable();
        }
        return essentials <= limit;
    }

    /** The next message to write, or null when none is waiting. */
    EdgeMessage poll() {
        Iterator<Map.Entry<Object, EdgeMessage>> it = pending.entrySet().iterator();
        if (!it.hasNext()) {
            return null;
        }
        EdgeMessage next = it.next().getValue();
        it.remove();
        if (next.isEssential()) {
            essentials--;
        }
        return next;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    int size() {
        return pending.size();
    }

    void clear() {
        pending.clear();
        essentials = 0;
    }

    private void dropOldestReplaceable() {
        Iterator<EdgeMessage> it = pending.values().iterator();
        while (it.hasNext()) {
            EdgeMessage message = it.next();
            if (!message.isEssential()) {
                it.remove();
                listener.dropped(message);
                return;
            }
        }
    }
}
