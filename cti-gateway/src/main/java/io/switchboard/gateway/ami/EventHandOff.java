package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.worker.BoundedWorker;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * The only code that runs on Asterisk-Java's dispatch thread: it puts each event on the call tracker's bounded
 * worker and returns. It never blocks and never sends actions, because Asterisk-Java drops events silently once its
 * own queue backs up behind a slow listener. A full queue is counted and logged by the worker instead.
 */
final class EventHandOff implements ManagerEventListener {

    /** The tracker's worker: its metrics are {@code switchboard.ami.handoff.depth|dropped|delivered|failures}. */
    static final String METRICS = "switchboard.ami.handoff";

    /** What the log says when the worker's queue is full. */
    static final String WHEN_FULL = "The tracker cannot keep up with the PBX; a resync follows the next reconnect.";

    /** Told of link changes; must return at once (it runs on Asterisk-Java's threads). */
    interface LinkObserver {
        void connected();

        void disconnected();
    }

    private final BoundedWorker<ManagerEvent> tracker;
    private final MeterRegistry registry;
    /** One counter per AMI event class, tagged with the AMI event name: a bounded set (Asterisk-Java's classes). */
    private final ClassValue<Counter> received = new ClassValue<>() {
        @Override
        protected Counter computeValue(Class<?> type) {
            String name = type.getSimpleName();
            String event = name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
            return Counter.builder("switchboard.ami.events.received")
                    .description("AMI events received from the PBX, by event type")
                    .tag("type", event)
                    .register(registry);
        }
    };

    private volatile LinkObserver observer = new LinkObserver() {
        @Override
        public void connected() {}

        @Override
        public void disconnected() {}
    };

    EventHandOff(BoundedWorker<ManagerEvent> tracker, MeterRegistry registry) {
        this.tracker = tracker;
        this.registry = registry;
    }

    void observeLink(LinkObserver observer) {
        this.observer = observer;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        received.get(event.getClass()).increment();
        tracker.offer(event);
        if (event instanceof ConnectEvent) {
            observer.connected();
        } else if (event instanceof DisconnectEvent) {
            observer.disconnected();
        }
    }

    /** Queues a marker of the gateway's own behind the events received so far; not counted as received. */
    void enqueue(ManagerEvent marker) {
        tracker.offer(marker);
    }

    long dropped() {
        return tracker.dropped();
    }
}
