package io.switchboard.simulator;

import io.netty.channel.Channel;
import io.switchboard.simulator.codec.AmiMessage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Originates sent without {@code Async: true}. Asterisk answers those only when the call connects ({@code Response:
 * Success}, "Originate successfully queued") or fails ({@code Response: Error}, "Originate failed"), and sends no
 * {@code OriginateResponse} event for them. Flows report every originate's result through {@link ChannelEvents},
 * which asks here whether a session is waiting for it.
 */
final class SyncOriginates {

    private record Waiting(Channel session, Optional<String> clientActionId) {}

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    /** Whether an Originate asks to be answered at once (Asterisk's {@code ast_true} of {@code Async}). */
    static boolean async(AmiMessage action) {
        String async = action.getOr("Async", "").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (async) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }

    /** Holds the answer to a synchronous originate; returns the key the flow reports its result under. */
    String hold(Channel session, AmiMessage action) {
        String key = action.actionId().orElseGet(() -> "sync-originate-" + keys.incrementAndGet());
        waiting.put(key, new Waiting(session, action.actionId()));
        return key;
    }

    /**
     * Answers the waiting session, if the originate under this key was synchronous; false for an async one. The
     * events written so far are flushed first, so the answer follows them as on Asterisk (the channel is up first).
     */
    boolean answer(String key, boolean success, Runnable flushEvents) {
        Waiting session = waiting.remove(key);
        if (session == null) {
            return false;
        }
        flushEvents.run();
        session.session()
                .writeAndFlush(AmiMessage.builder()
                        .add("Response", success ? "Success" : "Error")
                        .actionId(session.clientActionId())
                        .add("Message", success ? "Originate successfully queued" : "Originate failed")
                        .build());
        return true;
    }
}
