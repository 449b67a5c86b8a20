package io.switchboard.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One message for desktops: a type, a JSON payload, and how it may be treated on its way to a slow client. The
 * JSON frame ({@code {"type":"screenPop","payload":{...}}}) is written once, when the message is made, and the
 * same bytes go to every session that receives it.
 *
 * <p>{@link Delivery#ESSENTIAL} messages (pops, withdrawals) are never dropped: a client that cannot take them is
 * disconnected instead. {@link Delivery#REPLACEABLE} messages carry a coalescing key (the agent of an agentState,
 * the queue of a queueSnapshot, the call of a callUpdate): a newer one replaces an unsent older one with the same
 * type and key, and the oldest of them are dropped first when a client falls behind.
 */
public final class EdgeMessage {

    public static final String SCREEN_POP = "screenPop";
    public static final String POP_WITHDRAWN = "popWithdrawn";
    public static final String CALL_UPDATE = "callUpdate";
    public static final String AGENT_STATE = "agentState";
    public static final String QUEUE_SNAPSHOT = "queueSnapshot";
    public static final String PONG = "pong";
    public static final String ERROR = "error";

    /** Types are code constants, never data: they name metrics' tags. */
    private static final Pattern TYPE = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

    public enum Delivery {
        ESSENTIAL,
        REPLACEABLE
    }

    private final String type;
    private final Delivery delivery;
    private final String key;
    private final byte[] frame;
    private final Instant origin;
    private final boolean replay;

    private EdgeMessage(String type, Delivery delivery, String key, byte[] frame, Instant origin, boolean replay) {
        this.type = type;
        this.delivery = delivery;
        this.key = key;
        this.frame = frame;
        this.origin = origin;
        this.replay = replay;
    }

    /** A message that reaches the client or costs the client its session (screen pops, withdrawals). */
    public static EdgeMessage essential(String type, Object payload) {
        return new EdgeMessage(checkType(type), Delivery.ESSENTIAL, null, EdgeJson.frame(type, payload), null, false);
    }

    /** A state message that a newer one with the same type and {@code key} makes obsolete. */
    public static EdgeMessage replaceable(String type, String key, Object payload) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("A replaceable message needs a coalescing key");
        }
        return new EdgeMessage(checkType(type), Delivery.REPLACEABLE, key, EdgeJson.frame(type, payload), null, false);
    }

    /**
     * A message made from a frame another node wrote ({@link #json()} there): the desktop delivery carries messages
     * between nodes as their type, delivery, key and frame, and each node's edge sends the same bytes.
     */
    public static EdgeMessage ofFrame(String type, Delivery delivery, String key, String json) {
        if (delivery == Delivery.REPLACEABLE && (key == null || key.isEmpty())) {
            throw new IllegalArgumentException("A replaceable message needs a coalescing key");
        }
        return new EdgeMessage(
                checkType(type),
                Objects.requireNonNull(delivery, "delivery"),
                delivery == Delivery.REPLACEABLE ? key : null,
                json.getBytes(StandardCharsets.UTF_8),
                null,
                false);
    }

    /**
     * The same message, stamped with the moment the PBX event behind it was read, so that the edge can time
     * {@code switchboard.edge.pop.latency} up to the moment the frame is written to a desktop.
     */
    public EdgeMessage withOrigin(Instant origin) {
        return new EdgeMessage(type, delivery, key, frame, Objects.requireNonNull(origin, "origin"), replay);
    }

    /**
     * The same frame sent again to a desktop that connected after it was first sent (a retained pop): counted as
     * {@code switchboard.edge.messages.replayed}, never as pop latency, which would otherwise measure how long the
     * desktop was away rather than how fast pops are.
     */
    EdgeMessage asReplay() {
        return new EdgeMessage(type, delivery, key, frame, origin, true);
    }

    /** Whether this is a retained message sent again to a session that opened after it was sent. */
    public boolean isReplay() {
        return replay;
    }

    public String type() {
        return type;
    }

    public Delivery delivery() {
        return delivery;
    }

    /** The coalescing key of a replaceable message; empty for an essential one. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    public Optional<Instant> origin() {
        return Optional.ofNullable(origin);
    }

    /** The frame's text, as a client receives it. */
    public String json() {
        return new String(frame, StandardCharsets.UTF_8);
    }

    boolean isEssential() {
        return delivery == Delivery.ESSENTIAL;
    }

    String coalescingKey() {
        return key;
    }

    Instant originOrNull() {
        return origin;
    }

    /** The encoded frame, shared between sessions: never modify it. */
    byte[] frame() {
        return frame;
    }

    private static String checkType(String type) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "A message type is a short camelCase name such as screenPop, got: " + type);
        }
        return type;
    }

    @Override
    public String toString() {
        return "EdgeMessage[" + type + (key == null ? "" : " " + key) + ", " + delivery + (replay ? ", replay" : "")
                + ", " + frame.length + " bytes]";
    }
}
