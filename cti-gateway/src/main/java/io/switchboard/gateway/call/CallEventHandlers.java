package io.switchboard.gateway.call;

import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a consumer of call events handles: one handler per event type, declared where the consumer is written.
 *
 * <pre>{@code
 * CallEventHandlers handlers = CallEventHandlers.none()
 *         .on(CallEnded.class, this::record)
 *         .on(AgentRinging.class, this::pop);
 * }</pre>
 *
 * The {@link CallEventBus} hands a subscriber only the event types it has handlers for, so the declaration is also
 * what the subscriber wants. Declaring {@code CallEvent.class} (or any sealed sub-interface) declares the same
 * handler for every event type under it. Immutable: each {@link #on} returns a new instance.
 */
public final class CallEventHandlers {

    private static final CallEventHandlers NONE = new CallEventHandlers(Map.of());

    private final Map<Class<?>, Consumer<CallEvent>> byType;

    private CallEventHandlers(Map<Class<?>, Consumer<CallEvent>> byType) {
        this.byType = byType;
    }

    /** No handlers yet: the start of a declaration. */
    public static CallEventHandlers none() {
        return NONE;
    }

    /**
     * These handlers and {@code handler} for events of {@code type}.
     *
     * @throws IllegalArgumentException when a handler for one of these types is declared already: two handlers of one
     *     type would leave it to the reader to guess the order, so one handler does both things instead
     */
    public <E extends CallEvent> CallEventHandlers on(Class<E> type, Consumer<? super E> handler) {
        Objects.requireNonNull(handler, "handler");
        Map<Class<?>, Consumer<CallEvent>> more = new HashMap<>(byType);
        for (Class<?> record : recordsOf(type)) {
            if (more.putIfAbsent(record, event -> handler.accept(type.cast(event))) != null) {
                throw new IllegalArgumentException(record.getSimpleName() + " has a handler already");
            }
        }
        return new CallEventHandlers(Map.copyOf(more));
    }

    /** The concrete event records under {@code type}: itself, or every record its sealed hierarchy permits. */
    private static Set<Class<?>> recordsOf(Class<?> type) {
        Set<Class<?>> records = new HashSet<>();
        Deque<Class<?>> open = new ArrayDeque<>();
        open.add(type);
        while (!open.isEmpty()) {
            Class<?> next = open.poll();
            if (next.isSealed()) {
                open.addAll(List.of(next.getPermittedSubclasses()));
            } else if (next.isInterface() || Modifier.isAbstract(next.getModifiers())) {
                throw new IllegalArgumentException(
                        next.getSimpleName() + " is neither an event record nor a sealed type of them");
            } else {
                records.add(next);
            }
        }
        return records;
    }

    /** Whether an event of this type has a handler. */
    public boolean handles(Class<? extends CallEvent> type) {
        return byType.containsKey(type);
    }

    /** The event types with a handler. */
    public Set<Class<?>> types() {
        return byType.keySet();
    }

    /** Runs the event's handler on this thread; an event of a type without a handler is ignored. */
    public void handle(CallEvent event) {
        Consumer<CallEvent> handler = byType.get(event.getClass());
        if (handler != null) {
            handler.accept(event);
        }
    }
}
