package io.switchboard.gateway.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the tracker's events to subscribers. Each subscriber has its own bounded queue and thread, so a slow
 * subscriber delays only itself and the tracker never waits; an event that does not fit a full queue is counted
 * and logged for that subscriber. A subscriber gets only the events its listener {@link CallEventListener#wants
 * wants}.
 */
public final class CallEventBus implements CallEventSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallEventBus.class);

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<InlineSubscription> inline = new CopyOnWriteArrayList<>();
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

    /** Registers a listener fed on its own thread, in order, from a queue of {@code capacity} events. */
    public Subscription subscribe(String name, int capacity, CallEventListener listener) {
        Subscription subscription = new Subscription(name, capacity, listener);
        subscriptions.add(subscription);
        subscription.thread.start();
        return subscription;
    }

    /**
     * Registers a listener that is called on the publishing thread itself (the call tracker's), before the queued
     * subscribers are fed: one thread hand-off fewer on the way to it. Only for a listener that just hands the event
     * on to threads of its own and returns at once, as the screen pop does: one that blocks here holds up the
     * tracker and every other subscriber. A listener that throws is logged and keeps receiving the next events.
     */
    public void subscribeInline(String name, CallEventListener listener) {
        inline.add(new InlineSubscription(name, listener));
    }

    private record InlineSubscription(String name, CallEventListener listener) {}

    @Override
    public void publish(CallEvent event) {
        published.get(event.getClass()).increment();
        for (InlineSubscription subscription : inline) {
            if (subscription.listener().wants(event)) {
                try {
                    subscription.listener().onCallEvent(event);
                } catch (RuntimeException e) {
                    log.error(
                            "Inline subscriber {} failed on a call event; it keeps receiving the next ones",
                            subscription.name(),
                            e);
                }
            }
        }
        for (Subscription subscription : subscriptions) {
            if (subscription.listener.wants(event)) {
                subscription.offer(event);
            }
        }
    }

    @Override
    public void close() {
        for (Subscription subscription : subscriptions) {
            subscription.close();
        }
    }

    public final class Subscription implements AutoCloseable {

        private final String name;
        private final BlockingQueue<CallEvent> queue;
        private final CallEventListener listener;
        private final Counter dropped;
        private final Thread thread;
        private volatile boolean running = true;
        private long lastDropLog;

        private Subscription(String name, int capacity, CallEventListener listener) {
            this.name = name;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.listener = listener;
            this.dropped = Counter.builder("switchboard.calls.subscriber.dropped")
                    .tag("subscriber", name)
                    .description("Call events a subscriber lost because its queue was full")
                    .register(registry);
            Gauge.builder("switchboard.calls.subscriber.depth", queue, BlockingQueue::size)
                    .tag("subscriber", name)
                    .register(registry);
            this.thread = new Thread(this::run, "call-events-" + name);
            this.thread.setDaemon(true);
        }

        private void offer(CallEvent event) {
            if (!queue.offer(event)) {
                dropped.increment();
                long now = System.currentTimeMillis();
                if (now - lastDropLog > 1000) {
                    lastDropLog = now;
                    log.warn(
                            "Subscriber {} is too slow: its queue of {} call events is full, dropping {} (dropped so far: {})",
                            name,
                            queue.remainingCapacity() + queue.size(),
                            event.getClass().getSimpleName(),
                            (long) dropped.count());
                }
            }
        }

        private void run() {
            while (running || !queue.isEmpty()) {
                try {
                    CallEvent event = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (event != null) {
                        listener.onCallEvent(event);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.error("Subscriber {} failed on a call event; it keeps receiving the next ones", name, e);
                }
            }
        }

        @Override
        public void close() {
            running = false;
            subscriptions.remove(this);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
