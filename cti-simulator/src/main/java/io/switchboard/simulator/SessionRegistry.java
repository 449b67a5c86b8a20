package io.switchboard.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connected manager sessions, and the fan-out of event batches to those that are logged in with events on.
 * Applies the {@link SlowClientPolicy}: each batch is one shared buffer, so a client that falls behind costs
 * memory in its own outbound queue only until the policy drops it.
 */
final class SessionRegistry {

    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

    private final Set<Channel> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Channel> eventReceivers = ConcurrentHashMap.newKeySet();
    private final SlowClientPolicy policy;
    private final AtomicLong droppedSlow = new AtomicLong();

    SessionRegistry(SlowClientPolicy policy) {
        this.policy = policy;
    }

    void connected(Channel channel) {
        sessions.add(channel);
    }

    void disconnected(Channel channel) {
        sessions.remove(channel);
        eventReceivers.remove(channel);
    }

    /** Call after login, {@code Events} or logoff: decides whether the session gets events. */
    void refresh(Channel channel) {
        SessionState state = SessionState.of(channel);
        if (channel.isActive() && state.authenticated() && state.eventsOn()) {
            eventReceivers.add(channel);
        } else {
            eventReceivers.remove(channel);
        }
    }

    int sessionCount() {
        return sessions.size();
    }

    boolean hasEventReceivers() {
        return !eventReceivers.isEmpty();
    }

    long droppedSlow() {
        return droppedSlow.get();
    }

    /** Whether some receiver's socket is full; load mode holds back new calls meanwhile in BUFFER mode. */
    boolean anyReceiverBehind() {
        for (Channel channel : eventReceivers) {
            if (!channel.isWritable()) {
                return true;
            }
        }
        return false;
    }

    /** Sends one batch of encoded event frames to every receiver; takes ownership of {@code frames}. */
    void broadcast(ByteBuf frames) {
        try {
            long now = System.nanoTime();
            for (Channel channel : eventReceivers) {
                if (keepsUp(channel, now)) {
                    channel.writeAndFlush(frames.retainedDuplicate(), channel.voidPromise());
                }
            }
        } finally {
            frames.release();
        }
    }

    private boolean keepsUp(Channel channel, long now) {
        SessionState state = SessionState.of(channel);
        if (channel.isWritable()) {
            state.unwritableSinceNanos(0);
            return true;
        }
        if (policy.mode() == SlowClientPolicy.Mode.DISCONNECT) {
            long since = state.unwritableSinceNanos();
            if (since == 0) {
                state.unwritableSinceNanos(now);
            } else if (now - since > policy.writeTimeout().toNanos()) {
                drop(
                        channel,
                        "socket full for more than " + policy.writeTimeout().toMillis() + " ms");
                return false;
            }
            return true;
        }
        ChannelOutboundBuffer pending = channel.unsafe().outboundBuffer();
        if (pending != null && pending.totalPendingWriteBytes() > policy.maxBufferedBytes()) {
            drop(channel, "more than " + policy.maxBufferedBytes() + " bytes queued");
            return false;
        }
        return true;
    }

    private void drop(Channel channel, String why) {
        if (eventReceivers.remove(channel)) {
            droppedSlow.incrementAndGet();
            log.warn("Dropping slow manager client {}: {}", channel.remoteAddress(), why);
            channel.close();
        }
    }

    /** Writes raw bytes to every logged-in session, optionally closing each afterwards (fault injection). */
    void sendRaw(byte[] bytes, boolean closeAfter) {
        for (Channel channel : sessions) {
            if (SessionState.of(channel).authenticated()) {
                var future = channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
                if (closeAfter) {
                    future.addListener(ChannelFutureListener.CLOSE);
                }
            }
        }
    }

    /** Runs {@code action} once every receiver's I/O thread has performed the writes queued so far. */
    void afterQueuedWrites(Runnable action) {
        List<Channel> receivers = List.copyOf(eventReceivers);
        if (receivers.isEmpty()) {
            action.run();
            return;
        }
        AtomicInteger left = new AtomicInteger(receivers.size());
        for (Channel channel : receivers) {
            channel.eventLoop().execute(() -> {
                if (left.decrementAndGet() == 0) {
                    action.run();
                }
            });
        }
    }

    /** Closes every client socket at once, without a goodbye, as a crashing PBX would. */
    void dropAll() {
        for (Channel channel : sessions) {
            channel.close();
        }
    }
}
