package io.switchboard.gateway.edge;

import io.netty.channel.Channel;
import java.time.Instant;
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
 *
 * <p>The same lock makes the per-user session limit exact, and keeps a session from slipping in while its login is
 * being ended: {@link #endLogin} and {@link #open} of the same user never interleave.
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

    /** Logins that have ended, until their last token would have expired anyway. */
    private final ConcurrentHashMap<String, Instant> endedLogins = new ConcurrentHashMap<>();

    /** Users who were deactivated, until the last token they held would have expired anyway. */
    private final ConcurrentHashMap<String, Instant> endedUsers = new ConcurrentHashMap<>();

    private final AtomicInteger open = new AtomicInteger();
    private final int pendingLimit;
    private final int retainedLimit;
    private final int maxSessionsPerUser;
    private final EdgeMetrics metrics;

    EdgeSessions(int pendingLimit, int retainedLimit, int maxSessionsPerUser, EdgeMetrics metrics) {
        this.pendingLimit = pendingLimit;
        this.retainedLimit = retainedLimit;
        this.maxSessionsPerUser = maxSessionsPerUser;
        this.metrics = metrics;
    }

    /** Whether a session was opened, and if not, why. */
    enum Admission {
        OPENED,
        /** The login the token was issued in has ended. */
        LOGIN_ENDED,
        /** The user has {@code max-sessions-per-user} open already: the newest is refused, the open ones kept. */
        TOO_MANY
    }

    /**
     * Starts a session for an authenticated channel and queues the user's retained messages to it, unless its login
     * ({@code login}, or null) has ended or the user has as many sessions as one user may.
     */
    Admission open(Channel channel, EdgeUser user, String login) {
        Admission[] admission = {Admission.OPENED};
        users.compute(user.username(), (name, existing) -> {
            UserEntry entry = existing == null ? new UserEntry() : existing;
            if ((login != null && endedLogins.containsKey(login)) || endedUsers.containsKey(name)) {
                admission[0] = Admission.LOGIN_ENDED;
            } else if (entry.sessions.size() >= maxSessionsPerUser) {
                admission[0] = Admission.TOO_MANY;
            } else {
                EdgeSession session = new EdgeSession(channel, user, login, pendingLimit, metrics);
                session.attach();
                byRole.computeIfAbsent(user.role(), role -> ConcurrentHashMap.newKeySet())
                        .add(session);
                entry.sessions.add(session);
                open.incrementAndGet();
                entry.retained.values().forEach(message -> session.offer(message.asReplay()));
            }
            return entry.isEmpty() ? null : entry;
        });
        return admission[0];
    }

    /** As {@link #open(Channel, EdgeUser, String)} for a token tied to no login. */
    Admission open(Channel channel, EdgeUser user) {
        return open(channel, user, null);
    }

    /**
     * Ends a login: closes the sessions {@code username} opened with its tokens, and refuses its tokens until
     * {@code refuseUntil}, when they would have expired anyway. Returns how many sessions it closed.
     */
    int endLogin(String username, String login, Instant now, Instant refuseUntil) {
        endedLogins.values().removeIf(until -> until.isBefore(now));
        int[] closed = {0};
        users.compute(username, (name, existing) -> {
            endedLogins.put(login, refuseUntil);
            if (existing == null) {
                return null;
            }
            for (EdgeSession session : existing.sessions) {
                if (login.equals(session.login())) {
                    session.closeLater(DisconnectReason.LOGGED_OUT, EdgeClose.TOKEN_REJECTED, "logged out");
                    closed[0]++;
                }
            }
            return existing;
        });
        return closed[0];
    }

    /**
     * Ends every session of a user who may no longer log in, whatever login opened it, and refuses their tokens
     * until {@code refuseUntil}. Returns how many sessions it closed.
     */
    int endUser(String username, Instant now, Instant refuseUntil) {
        endedUsers.values().removeIf(until -> until.isBefore(now));
        int[] closed = {0};
        users.compute(username, (name, existing) -> {
            endedUsers.put(name, refuseUntil);
            if (existing == null) {
                return null;
            }
            for (EdgeSession session : existing.sessions) {
                session.closeLater(DisconnectReason.LOGGED_OUT, EdgeClose.TOKEN_REJECTED, "logged out");
                closed[0]++;
            }
            return existing;
        });
        return closed[0];
    }

    /** The user may log in again: tokens they are given from now on open sessions. */
    void resumeUser(String username) {
        endedUsers.remove(username);
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
