package io.switchboard.gateway.edge;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.switchboard.gateway.netty.TcpListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CTI edge: a WebSocket server for agent desktops and wallboards, and the API the rest of Switchboard uses to
 * reach them. It knows users and messages, not calls or contacts: the screen-pop service decides what a pop
 * says and whom it is for; the edge delivers it to every desktop that user has open.
 *
 * <p>All sending methods return at once, from any thread: each session gets the message on its own I/O thread,
 * in the order of the calls for that user. Essential messages reach a session or the session is closed as too
 * slow; replaceable ones may be coalesced or dropped for a client that falls behind (see {@link EdgeMessage}).
 *
 * <p>A retained message ({@link #retain}) is sent now and again to every session the user opens while it is
 * retained: that is how a desktop that reconnects while its call still rings gets its pop back.
 */
public final class CtiEdge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CtiEdge.class);

    private final EdgeProperties properties;
    private final EdgeSessions sessions;
    private final EdgeChannelInitializer initializer;
    private final Clock clock;
    private TcpListener listener;
    private volatile int port = -1;
    private boolean closed;

    public CtiEdge(EdgeProperties properties, EdgeTokens tokens, MeterRegistry registry) {
        this(properties, tokens, registry, Clock.systemUTC());
    }

    CtiEdge(EdgeProperties properties, EdgeTokens tokens, MeterRegistry registry, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(tokens, "tokens");
        EdgeMetrics metrics = new EdgeMetrics(registry, clock);
        this.clock = clock;
        this.sessions = new EdgeSessions(
                properties.pendingLimit(), properties.retainedLimit(), properties.maxSessionsPerUser(), metrics);
        metrics.sessionGauge(sessions::count);
        this.initializer = new EdgeChannelInitializer(
                properties,
                new HandshakeGuard(
                        properties.path(), new OriginPolicy(properties.allowedOrigins(), properties.sameHostOrigins())),
                new HeartbeatHandler(properties.pingInterval(), properties.idleTimeout()),
                new TokenAuthenticator(tokens, new UsedTokens(clock), sessions, metrics),
                new SessionHandler(sessions, metrics),
                new ClientMessageHandler(),
                new EdgeErrorHandler());
    }

    /** Binds and starts accepting sessions; returns the bound port. Fails with a clear message if it cannot bind. */
    public synchronized int start() {
        if (closed) {
            throw new IllegalStateException("The CTI edge is closed");
        }
        if (listener != null) {
            return port;
        }
        try {
            listener = TcpListener.bind(
                    "cti-edge",
                    properties.host(),
                    properties.port(),
                    properties.ioThreads(),
                    initializer,
                    bootstrap -> bootstrap
                            .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                            .childOption(
                                    ChannelOption.WRITE_BUFFER_WATER_MARK,
                                    new WriteBufferWaterMark(
                                            properties.writeBufferLowBytes(), properties.writeBufferHighBytes())));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "The CTI edge cannot listen on " + properties.host() + ":" + properties.port()
                            + " (switchboard.edge.host/port): " + e.getMessage(),
                    e);
        }
        port = listener.address().getPort();
        log.info("CTI edge listening on ws://{}:{}{}", properties.host(), port, properties.path());
        return port;
    }

    /** The bound port; -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    /** Sends {@code message} to every open session of {@code username}; returns how many sessions it went to. */
    public int sendToUser(String username, EdgeMessage message) {
        return sessions.sendToUser(requireName(username), Objects.requireNonNull(message, "message"));
    }

    /**
     * Sends {@code message} to every session of a user with one of {@code roles} whom {@code audience} accepts (for
     * example the supervisors of a team); returns how many sessions it went to. Only the sessions of those roles are
     * looked at, so a message for supervisors does not walk every agent's desktop. The predicate runs on the caller's
     * thread and should be quick.
     */
    public int publish(Set<String> roles, Predicate<EdgeUser> audience, EdgeMessage message) {
        return sessions.publish(
                Set.copyOf(roles),
                Objects.requireNonNull(audience, "audience"),
                Objects.requireNonNull(message, "message"));
    }

    /**
     * Sends {@code message} to every open session of {@code username}, and again to each session the user opens
     * until {@link #release} of the same key (the screen-pop service retains a pop under its call's id). Retaining
     * under a key already retained replaces that message. Returns how many sessions it went to now.
     */
    public int retain(String username, String key, EdgeMessage message) {
        return sessions.retain(requireName(username), requireKey(key), Objects.requireNonNull(message, "message"));
    }

    /** Stops re-sending the message retained under {@code key}; true if there was one. Sends nothing itself. */
    public boolean release(String username, String key) {
        return sessions.release(requireName(username), requireKey(key));
    }

    /**
     * A login of {@code username} ended (logout, or the login session expired): closes the sessions opened with
     * tokens issued in it (4401 "logged out") and refuses those tokens from now on. Returns how many sessions it
     * closed. Tokens issued without a login are not affected.
     */
    public int endLogin(String username, String login) {
        Instant now = clock.instant();
        return sessions.endLogin(
                requireName(username),
                requireKey(login),
                now,
                now.plus(properties.tokenTtl()).plus(EdgeTokens.CLOCK_SKEW));
    }

    /**
     * A user may no longer log in (an admin deactivated them): closes all their sessions (4401 "logged out"),
     * whichever login opened them, and refuses the tokens they still hold. Returns how many sessions it closed.
     */
    public int endUser(String username) {
        Instant now = clock.instant();
        return sessions.endUser(
                requireName(username), now, now.plus(properties.tokenTtl()).plus(EdgeTokens.CLOCK_SKEW));
    }

    /** The user was reactivated: the tokens they are given open sessions again. */
    public void resumeUser(String username) {
        sessions.resumeUser(requireName(username));
    }

    /** Open sessions, all users. */
    public int sessionCount() {
        return sessions.count();
    }

    /** Open sessions of one user (the desktops and wallboards they have open). */
    public int sessionsOf(String username) {
        return sessions.countOf(requireName(username));
    }

    /** Closes every session (1001 "server shutting down") and the listener. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (listener != null) {
            listener.stopAccepting();
        }
        List<ChannelFuture> closing = new ArrayList<>();
        for (EdgeSession session : sessions.all()) {
            session.closeLater(DisconnectReason.SHUTDOWN, EdgeClose.GOING_AWAY, "server shutting down");
            closing.add(session.channel().closeFuture());
        }
        // Netty closes every channel abruptly once its loop shuts down: let the close frames go out first.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EdgeChannelInitializer.FORCE_CLOSE_MILLIS);
        for (ChannelFuture closed : closing) {
            closed.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        if (listener != null) {
            listener.shutDown(100, 2_000);
            listener = null;
        }
    }

    private static String requireName(String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        return username;
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        return key;
    }
}
