package io.switchboard.gateway.livesync;

import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.PbxListed;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.call.CallEvent.QueueListed;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.call.PbxCallIds;
import io.switchboard.gateway.call.PbxName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents' and queues' states per PBX, folded from call events; written from the threads that publish them (a tracker's,
 * the bus's) and read from any. A node keeps two: {@link #ofTrackers()} mirrors its own trackers exactly (what it
 * answers as a link's owner: agents logged out are gone, as in the tracker), and {@link #ofView()} holds what this
 * node's read models (live board, desktops, dialer) were told, logged-out agents included with the time they left,
 * so that a snapshot can be merged into it change by change.
 */
public final class LiveStateBook {

    private record Key(String agent, String queue) {}

    private final boolean keepLoggedOut;
    private final Map<Key, AgentEntry> agents = new ConcurrentHashMap<>();
    private final Map<String, QueueEntry> queues = new ConcurrentHashMap<>();
    private final Set<String> listed = ConcurrentHashMap.newKeySet();
    /** Per PBX, the latest time any of its events carried: how recent a snapshot of it is. */
    private final Map<String, Instant> latest = new ConcurrentHashMap<>();

    private final CallEventHandlers handlers = CallEventHandlers.none()
            .on(AgentStateChanged.class, this::agentChanged)
            .on(QueueChanged.class, this::queueChanged)
            .on(QueueListed.class, this::queueListed)
            .on(PbxListed.class, listed -> seen(listed.pbx(), listed.at()));

    private LiveStateBook(boolean keepLoggedOut) {
        this.keepLoggedOut = keepLoggedOut;
    }

    /** The mirror of this node's own trackers. */
    public static LiveStateBook ofTrackers() {
        return new LiveStateBook(false);
    }

    /** What this node's read models were told. */
    public static LiveStateBook ofView() {
        return new LiveStateBook(true);
    }

    public CallEventHandlers handlers() {
        return handlers;
    }

    private void agentChanged(AgentStateChanged changed) {
        Key key = new Key(changed.agent(), changed.queue());
        if (changed.state() == AgentState.LOGGED_OUT && !keepLoggedOut) {
            agents.remove(key);
        } else {
            agents.put(key, AgentEntry.of(changed));
        }
        seen(pbxOf(changed.agent()), changed.at());
    }

    private void queueChanged(QueueChanged changed) {
        queues.put(changed.queue(), QueueEntry.of(changed));
        seen(pbxOf(changed.queue()), changed.at());
    }

    private void queueListed(QueueListed queue) {
        listed.add(queue.queue());
        seen(pbxOf(queue.queue()), queue.at());
    }

    private void seen(String pbx, Instant at) {
        latest.merge(pbx == null ? PbxCallIds.DEFAULT_PBX : pbx, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    Optional<AgentEntry> agent(String agent, String queue) {
        return Optional.ofNullable(agents.get(new Key(agent, queue)));
    }

    Optional<QueueEntry> queue(String queue) {
        return Optional.ofNullable(queues.get(queue));
    }

    boolean isListed(String queue) {
        return listed.contains(queue);
    }

    List<AgentEntry> agentsOf(String pbx) {
        return agents.values().stream()
                .filter(a -> pbx.equals(pbxOf(a.agent())))
                .toList();
    }

    List<QueueEntry> queuesOf(String pbx) {
        return queues.values().stream()
                .filter(q -> pbx.equals(pbxOf(q.queue())))
                .toList();
    }

    List<String> listedOf(String pbx) {
        return listed.stream().filter(q -> pbx.equals(pbxOf(q))).sorted().toList();
    }

    /** The latest time an event of {@code pbx} carried; the epoch when none came. */
    Instant asOf(String pbx) {
        return latest.getOrDefault(pbx, Instant.EPOCH);
    }

    static String pbxOf(String name) {
        return PbxName.of(name).pbx();
    }

    /** Handles an event of any type (the types of {@link #handlers()}; others are ignored). */
    void apply(CallEvent event) {
        handlers.handle(event);
    }
}
