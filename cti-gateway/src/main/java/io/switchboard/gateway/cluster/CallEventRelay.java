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

    static String write(CallEvent event) {
        return JSON.writeValueAsString(Map.of("type", event.getClass().getSimpleName(), "event", event));
    }

    /** The event in {@code json}; an {@link IllegalArgumentException} for anything else. */
    static CallEvent read(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            Class<?> type = TYPES.get(tree.path("type").asString(""));
            if (type == null) {
                throw new IllegalArgumentException("not a call event type: " + tree.path("type"));
            }
            return (CallEvent) JSON.treeToValue(tree.path("event"), type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a call event: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        outgoing.close();
        incoming.close();
    }
}
