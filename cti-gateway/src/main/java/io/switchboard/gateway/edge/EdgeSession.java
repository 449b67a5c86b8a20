package io.switchboard.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.AttributeKey;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated WebSocket connection: its user, and the messages on their way to it. Messages are written
 * while the socket takes them; while it does not (Netty's write-buffer high-water mark), they wait in a bounded
 * {@link OutboundBuffer} and are written in order once the socket drains.
 *
 * <p>Threads: {@link #offer} may be called from any thread; everything else runs on the channel's event loop.
 */
final class EdgeSession {

    private static final Logger log = LoggerFactory.getLogger(EdgeSession.class);
    private static final AttributeKey<EdgeSession> KEY = AttributeKey.valueOf(EdgeSession.class, "session");

    private final Channel channel;
    private final EdgeUser user;
    private final String login;
    private final EdgeMetrics metrics;
    private final OutboundBuffer pending;
    private boolean closing;

    EdgeSession(Channel channel, EdgeUser user, String login, int pendingLimit, EdgeMetrics metrics) {
        this.channel = channel;
        this.user = user;
        this.login = login;
        this.metrics = metrics;
        this.pending = new OutboundBuffer(pendingLimit, new OutboundBuffer.Listener() {
            @Override
            public void replaced(EdgeMessage older) {
                metrics.replaced(older);
            }

            @Override
            public void dropped(EdgeMessage message) {
                metrics.dropped(message);
            }
        });
    }

    /** The session of an authenticated channel, or null before authentication (or after a refusal). */
    static EdgeSession of(Channel channel) {
        return channel.attr(KEY).get();
    }

    void attach() {
        channel.attr(KEY).set(this);
    }

    EdgeUser user() {
        return user;
    }

    Channel channel() {
        return channel;
    }

    /** The login whose token opened this session, or null. */
    String login() {
        return login;
    }

    /** Queues {@code message} for this session from any thread; messages keep the order of these calls. */
    void offer(EdgeMessage message) {
        try {
            channel.eventLoop().execute(() -> deliver(message));
        } catch (RejectedExecutionException e) {
            // The edge is shutting down; the session is being closed anyway.
        }
    }

    /** Writes {@code message} now if the socket takes it, else queues it. Event loop only. */
    void deliver(EdgeMessage message) {
        if (closing || !channel.isActive()) {
            return;
        }
        if (pending.isEmpty() && channel.isWritable()) {
            write(message);
            channel.flush();
            return;
        }
        if (!pending.offer(message)) {
            log.info(
                    "Closing the CTI session of {} from {}: more than its limit of essential messages is waiting",
                    user.username(),
                    channel.remoteAddress());
            close(DisconnectReason.SLOW, EdgeClose.TOO_SLOW, "too slow");
            return;
        }
        drain();
    }

    /** Writes waiting messages while the socket takes them. Event loop only. */
    void drain() {
        boolean wrote = false;
        while (!closing && channel.isWritable()) {
            EdgeMessage next = pending.poll();
            if (next == null) {
                break;
            }
            write(next);
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    /** Sends a close frame and ends the session; nothing is written after it. Event loop only. */
    void close(DisconnectReason reason, int code, String text) {
        if (closing) {
            return;
        }
        closing = true;
        pending.clear();
        EdgeClose.close(channel, reason, code, text);
    }

    /** As {@link #close}, from any thread. */
    void closeLater(DisconnectReason reason, int code, String text) {
        try {
            channel.eventLoop().execute(() -> close(reason, code, text));
        } catch (RejectedExecutionException e) {
            channel.close();
        }
    }

    int pendingCount() {
        return pending.size();
    }

    private void write(EdgeMessage message) {
        channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(message.frame())))
                .addListener(future -> {
                    if (future.isSuccess()) {
                        metrics.sent(message);
                    }
                });
    }

    @Override
    public String toString() {
        return "EdgeSession[" + user.username() + " " + channel.remoteAddress() + "]";
    }
}
