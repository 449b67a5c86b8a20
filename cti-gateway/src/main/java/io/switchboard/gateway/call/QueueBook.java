package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.QueueChanged;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Callers waiting in each queue, in order of arrival, and the {@link QueueChanged} events when that changes. */
final class QueueBook {

    private final Map<String, LinkedHashMap<String, Long>> waitingByQueue = new HashMap<>();
    private final CallEventSink sink;

    QueueBook(CallEventSink sink) {
        this.sink = sink;
    }

    void join(String queue, String callId, long joinedAt, long at) {
        if (waitingByQueue.computeIfAbsent(queue, q -> new LinkedHashMap<>()).putIfAbsent(callId, joinedAt) == null) {
            publish(queue, at);
        }
    }

    void leave(String queue, String callId, long at) {
        Map<String, Long> waiting = waitingByQueue.get(queue);
        if (waiting != null && waiting.remove(callId) != null) {
            publish(queue, at);
        }
    }

    /** The PBX listed the queue: tells who keeps a catalogue of queues, including those nobody waits in. */
    void listed(String queue, long at) {
        sink.publish(new CallEvent.QueueListed(Instant.ofEpochMilli(at), queue));
    }

    int waiting(String queue) {
        Map<String, Long> waiting = waitingByQueue.get(queue);
        return waiting == null ? 0 : waiting.size();
    }

    /** Replaces a queue's waiting callers with those a resync listed, publishing only if the count changed. */
    void replace(Map<String, LinkedHashMap<String, Long>> listed, long at) {
        Map<String, LinkedHashMap<String, Long>> before = new HashMap<>(waitingByQueue);
        waitingByQueue.clear();
        waitingByQueue.putAll(listed);
        for (String queue : union(before, listed)) {
            int old = before.containsKey(queue) ? before.get(queue).size() : 0;
            if (old != waiting(queue)) {
                publish(queue, at);
            }
        }
    }

    private static Iterable<String> union(Map<String, ?> a, Map<String, ?> b) {
        var all = new java.util.TreeSet<String>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private void publish(String queue, long at) {
        LinkedHashMap<String, Long> waiting = waitingByQueue.getOrDefault(queue, new LinkedHashMap<>());
        Instant longest = waiting.isEmpty()
                ? null
                : Instant.ofEpochMilli(waiting.values().iterator().next());
        sink.publish(new QueueChanged(Instant.ofEpochMilli(at), queue, waiting.size(), longest));
    }
}
