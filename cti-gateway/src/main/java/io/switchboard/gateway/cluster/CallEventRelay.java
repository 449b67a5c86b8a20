package io.switchboard.gateway.cluster;

import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.worker.Overflow;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Call events between nodes, for when one node owns each PBX link: the owner's events go out on the
 * {@value #TOPIC} topic, and each other node hands them to its {@link io.switchboard.gateway.call.CallEventSource#EVERY_NODE}
 * subscribers (live board, queue figures, the desktop feed), while the once-per-call consumers stay on the owner.
 * Relayed events are never relayed again, so nothing circles.
 *
 * <p>An event is written as {@code {"type":"CallEnded","event":{...}}}: the record's simple name and its fields.
 */
public final class CallEventRelay implements AutoCloseable {

    public static final String TOPIC = "call-events";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEAD = "{\"type\":\"";
    private static final String BODY = "\",\"event\":";
    private static final Map<String, Class<?>> TYPES = Arrays.stream(CallEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final CallEventBus.Subscription outgoing;
    private final ClusterBus.Subscription incoming;

    /**
     * Starts relaying: this node's events to the others (through a queue of {@code capacity}, so the tracker never
     * waits for the bus), the others' to this node's bus.
     */
    public CallEventRelay(CallEventBus events, ClusterBus bus, int capacity) {
        this.outgoing = events.subscribe(
                "cluster-relay",
                CallEventDelivery.queued(capacity, Overflow.DROP_NEWEST),
                CallEventHandlers.none().on(CallEvent.class, event -> bus.publish(TOPIC, write(event))));
        this.incoming = bus.subscribe(TOPIC, message -> events.publishRelayed(read(message.payload())));
    }

    /** {@code {"type":"CallEnded","event":{...}}}, the type first, so that {@link #read} reads it in one pass. */
    static String write(CallEvent event) {
        return HEAD + event.getClass().getSimpleName() + BODY + JSON.writeValueAsString(event) + "}";
    }

    /**
     * The event in {@code json}; an {@link IllegalArgumentException} for anything else. Every node reads every relayed
     * event on its bus listener's one thread, so the layout {@link #write} gives is read in one pass (the type by
     * position, then the record), where a tree and then the record from the tree cost twice the parsing; any other
     * layout of the same JSON (fields in another order) is read through the tree.
     */
    static CallEvent read(String json) {
        int typeEnd = json.startsWith(HEAD) ? json.indexOf(BODY, HEAD.length()) : -1;
        if (typeEnd < 0 || !json.endsWith("}")) {
            return readTree(json);
        }
        Class<?> type = type(json.substring(HEAD.length(), typeEnd));
        try {
            return (CallEvent) JSON.readValue(json.substring(typeEnd + BODY.length(), json.length() - 1), type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a call event: " + e.getOriginalMessage(), e);
        }
    }

    private static CallEvent readTree(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            return (CallEvent)
                    JSON.treeToValue(tree.path("event"), type(tree.path("type").asString("")));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a call event: " + e.getOriginalMessage(), e);
        }
    }

    private static Class<?> type(String name) {
        Class<?> type = TYPES.get(name);
        if (type == null) {
            throw new IllegalArgumentException("not a call event type: " + name);
        }
        return type;
    }

    @Override
    public void close() {
        outgoing.close();
        incoming.close();
    }
}
