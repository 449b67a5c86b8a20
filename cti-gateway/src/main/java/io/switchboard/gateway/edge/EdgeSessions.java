package io.switchboard.gateway.edge;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The open sessions by user, and the messages retained for each user.
 *
 * <p>Opening a session, sending to a user, retaining and releasing all happen under that user's entry lock (a
 * {@link ConcurrentHashMap#compute} on the user's name) and only queue work on the sessions' event loops. So a
 * session that opens while a pop is retained gets it exactly once, and a withdrawal sent after a release never
 * reaches a session before the pop it withdraws.
 */
final class EdgeSessions {

    private static final class UserEntry {
        final List<EdgeSession> sessions = new CopyOnWriteArrayList<>();
        final LinkedHashMap<String, EdgeMessage> retained = new LinkedHashMap<>();

        boolean isEmpty() {
            return sessions.isEmpty() && retained.isEmpty();
        }
    }

    private final ConcurrentHashMap<String, UserEntry> users = new ConcurrentHashMap<>();
    /** The open sessions by their user's role, so that a message for supervisors walks only supervisors' sessions. */
    private final ConcurrentHashMap<String, Set<EdgeSession>> byRole = new ConcurrentHashMap<>();

    private final AtomicInteger open = new AtomicInteger();
    private final int pendingLimit;
    private final int retainedLimit;
    private final EdgeMetrics metrics;

    EdgeSessions(int pendingLimit, int retainedLimit, EdgeMetrics metrics) {
        this.pendingLimit = pendingLimit;
        this.retainedLimit = retainedLimit;
        this.metrics = metrics;
    }

    /** Starts a session for an authenticated channel and queues the user's retained messages to it. */
    EdgeSession open(Channel channel, EdgeUser user) {
        EdgeSession session = new EdgeSession(channel, user, pendingLimit, metrics);
        session.attach();
        byRole.computeIfAbsent(user.role(), role -> ConcurrentHashMap.newKeySet())
                .add(session);
        users.compute(user.username(), (name, existing) -> {
            UserEntry entry = existing == null ? new UserEntry() : existing;
            entry.sessions.add(session);
            open.incrementAndGet();
            entry.retained.values().forEach(message -> session.offer(message.asReplay()));
            return entry;
        });
        return session;
    }

    void closed(EdgeSession session) {
        Set<EdgeSession> sameRole = byRole.get(session.user().role());
        if (sameRole != null) {
            sameRole.remove(session);
        }
        users.computeIfPresent(session.user().username(), (name, entry) -> {
            if (entry.sessions.remove(session)) {
                open.decrementAndGet();
            }
            return entry.isEmpty() ? null : entry;
        });
    }

    int sendToUser(String username, EdgeMessage message) {
        int[] reached = {0};
        users.computeIfPresent(username, (name, entry) -> {
            entry.sessions.forEach(session -> session.offer(message));
            reached[0] = entry.sessions.size();
            return entry;
        });
        return reached[0];
    }

    int publish(Set<String> roles, Predicate<EdgeUser> audience, EdgeMessage message) {
        int reached = 0;
        for (String role : roles) {
            for (EdgeSession session : byRole.getOrDefault(role, Set.of())) {
                if (audience.test(session.user())) {
                    session.offer(message);
                    reached++;
                }
            }
        }
        return reached;
    }

    int retain(String username, String key, EdgeMessage message) {
        int[] reached = {0};
        users.compute(username, (name, existing) -> {
            UserEntry entry = existing == null ? new UserEntry() : existing;
            entry.retained.remove(key);
            entry.retained.put(key, message);
            if (entry.retained.size() > retainedLimit) {
                Iterator<String> oldest = entry.retained.keySet().iterator();
                oldest.next();
                oldest.remove();
                metrics.retainedEvicted();
            }
            entry.sessions.forEach(session -> session.offer(message));
            reached[0] = entry.sessions.size();
            return entry;
        });
        return reached[0];
    }

    boolean release(String username, String key) {
        AtomicBoolean released = new AtomicBoolean();
        users.computeIfPresent(username, (name, entry) -> {
            released.set(entry.retained.remove(key) != null);
            return entry.isEmpty() ? null : entry;
        });
        return released.get();
    }

    int count() {
        return open.get();
    }

    int countOf(String username) {
        UserEntry entry = users.get(username);
        return entry == null ? 0 : entry.sessions.size();
    }

    List<EdgeSession> all() {
        List<EdgeSession> all = new ArrayList<>();
        users.values().forEach(entry -> all.addAll(entry.sessions));
        return all;
    }
}
