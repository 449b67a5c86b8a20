package io.switchboard.gateway.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.switchboard.gateway.worker.BoundedWorker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Hands the trackers' events to subscribers, the one way to consume call events: a subscriber declares its
 * {@link CallEventHandlers handlers} and a {@link CallEventDelivery delivery}, and is given only the event types it
 * has handlers for. Queued subscribers each have a {@link BoundedWorker}: a slow one delays only itself and the
 * tracker never waits; an event that does not fit its queue is dropped by its overflow policy, counted and logged.
 * Inline subscribers are called on the publishing thread, before the queued ones are fed.
 *
 * <p>Metrics per subscriber, tagged {@code subscriber}: {@code switchboard.calls.subscriber.depth}, {@code .dropped}
 * (queued only), {@code .delivered} and {@code .failures}.
 */
public final class CallEventBus implements CallEventSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallEventBus.class);
    private static final String METRICS = "switchboard.calls.subscriber";

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    /**
     * Per event type, its subscribers: inline ones first, in the order they subscribed. Rebuilt on every (rare)
     * subscription change, so that publishing costs one lookup and touches only the subscribers that want the event.
     */
    private volatile Map<Class<?>, Subscription[]> routes = Map.of();
    /** The same for events relayed from other nodes: only the subscribers of {@link CallEventSource#EVERY_NODE}. */
    private volatile Map<Class<?>, Subscription[]> relayedRoutes = Map.of();

    private final MeterRegistry registry;
    /** Call events published, by type: a counter per record class of the sealed {@link CallEvent}. */
    private final ClassValue<Counter> published = new ClassValue<>() {
        @Override
        protected Counter computeValue(Class<?> type) {
            return Counter.builder("switchboard.calls.events")
                    .description("Call events the tracker published, by type")
                    .tag("type", type.getSimpleName())
                    .register(registry);
        }
    };

    public CallEventBus(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Subscribes {@code handlers} under {@code name} (the name of its thread and of its metrics' tag) to the events of
     * the PBX links this node reads ({@link CallEventSource#THIS_NODE}): a consumer that must act once per call.
     *
     * @return the subscription, to close when the subscriber goes away
     */
    public Subscription subscribe(String name, CallEventDelivery delivery, CallEventHandlers handlers) {
        return subscribe(name, CallEventSource.THIS_NODE, delivery, handlers);
    }

    /**
     * Subscribes {@code handlers} to the events of {@code source}: {@link CallEventSource#EVERY_NODE} also gets the
     * events other nodes relay from the links they own ({@link #publishRelayed}).
     */
    public Subscription subscribe(
            String name, CallEventSource source, CallEventDelivery delivery, CallEventHandlers handlers) {
        Subscription subscription = delivery instanceof CallEventDelivery.Queued queued
                ? new QueuedSubscription(name, source, queued, handlers)
                : new InlineSubscription(name, source, handlers);
        subscriptions.add(subscription);
        reroute();
        return subscription;
    }

    private synchronized void reroute() {
        routes = routesOf(false);
        relayedRoutes = routesOf(true);
    }

    private Map<Class<?>, Subscription[]> routesOf(boolean relayed) {
        Map<Class<?>, List<Subscription>> byType = new HashMap<>();
        for (boolean inline : new boolean[] {true, false}) {
            for (Subscription subscription : subscriptions) {
                if (subscription.inline() == inline
                        && (!relayed || subscription.source() == CallEventSource.EVERY_NODE)) {
                    for (Class<?> type : subscription.handlers().types()) {
                        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(subscription);
                    }
                }
            }
        }
        Map<Class<?>, Subscription[]> next = new HashMap<>();
        byType.forEach((type, list) -> next.put(type, list.toArray(Subscription[]::new)));
        return Map.copyOf(next);
    }

    /**
     * Hands an event that another node's tracker emitted (relayed by the node that owns its PBX link) to the
     * subscribers of {@link CallEventSource#EVERY_NODE} only: the once-per-call consumers ran on that node already.
     * Not counted in {@code switchboard.calls.events}, which counts this node's trackers.
     */
    public void publishRelayed(CallEvent event) {
        Subscription[] route = relayedRoutes.get(event.getClass());
        if (route != null) {
            for (Subscription subscription : route) {
                subscription.deliver(event);
            }
        }
    }

    @Override
    public void publish(CallEvent event) {
        published.get(event.getClass()).increment();
        Subscription[] route = routes.get(event.getClass());
        if (route != null) {
            for (Subscription subscription : route) {
                subscription.deliver(event);
            }
        }
    }

    @Override
    public void close() {
        for (Subscription subscription : subscriptions) {
            subscription.close();
        }
    }

    /** One subscriber's place on the bus. */
    public abstract sealed class Subscription implements AutoCloseable {

        private final String name;
        private final CallEventSource source;
        private final CallEventHandlers handlers;

        private Subscription(String name, CallEventSource source, CallEventHandlers handlers) {
            this.name = name;
            this.source = source;
            this.handlers = handlers;
        }

        public String name() {
            return name;
        }

        public CallEventSource source() {
            return source;
        }

        CallEventHandlers handlers() {
            return handlers;
        }

        abstract boolean inline();

        abstract void deliver(CallEvent event);

        /** Stops delivering to this subscriber; a queued one handles what is queued first. */
        @Override
        public void close() {
            subscriptions.remove(this);
            reroute();
        }
    }

    private final class InlineSubscription extends Subscription {

        private final Counter delivered;
        private final Counter failures;

        private InlineSubscription(String name, CallEventSource source, CallEventHandlers handlers) {
            super(name, source, handlers);
            Tags tags = Tags.of("subscriber", name);
            this.delivered = Counter.builder(METRICS + ".delivered")
                    .description("Call events handed to a subscriber's handlers")
                    .tags(tags)
                    .register(registry);
            this.failures = Counter.builder(METRICS + ".failures")
                    .description("Call events a subscriber's handler threw on (logged; it gets the next ones)")
                    .tags(tags)
                    .register(registry);
        }

        @Override
        boolean inline() {
            return true;
        }

        @Override
        void deliver(CallEvent event) {
            delivered.increment();
            try {
                handlers().handle(event);
            } catch (RuntimeException e) {
                failures.increment();
                log.error("Inline subscriber {} failed on a call event; it keeps receiving the next ones", name(), e);
            }
        }
    }

    private final class QueuedSubscription extends Subscription {

        private final BoundedWorker<CallEvent> worker;

        private QueuedSubscription(
                String name, CallEventSource source, CallEventDelivery.Queued delivery, CallEventHandlers handlers) {
            super(name, source, handlers);
            this.worker = BoundedWorker.<CallEvent>named("call-events-" + name)
                    .capacity(delivery.capacity())
                    .overflow(delivery.overflow())
                    // one at a time: an event leaves the queue only when the handlers are free for it, so that no
                    // more than the queue's capacity waits (a batch taken off would wait outside the bound)
                    .maxBatch(1)
                    .whenFull("The subscriber is too slow for the call events.")
                    .dropLogLevel(Level.WARN)
                    .metrics(registry, METRICS, Tags.of("subscriber", name))
                    .eachTo(handlers::handle)
                    .start();
        }

        @Override
        boolean inline() {
            return false;
        }

        @Override
        void deliver(CallEvent event) {
            worker.offer(event);
        }

        @Override
        public void close() {
            super.close();
            worker.close();
        }
    }
}
