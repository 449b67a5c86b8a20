package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that runs on Asterisk-Java's dispatch thread: it puts each event on a bounded queue read by the
 * call tracker thread and returns. It never blocks and never sends actions, because Asterisk-Java drops events
 * silently once its own queue backs up behind a slow listener. A full queue is counted and logged here instead.
 */
final class EventHandOff implements ManagerEventListener {

    private static final Logger log = LoggerFactory.getLogger(EventHandOff.class);

    /** Told of link changes; must return at once (it runs on Asterisk-Java's threads). */
    interface LinkObserver {
        void connected();

        void disconnected();
    }

    private final BlockingQueue<ManagerEvent> queue;
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

    private final Counter dropped;
    private volatile LinkObserver observer = new LinkObserver() {
        @Override
        public void connected() {}

        @Override
        public void disconnected() {}
    };
    private volatile long lastDropLog;

    EventHandOff(int capacity, MeterRegistry registry) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.registry = registry;
        this.dropped = Counter.builder("switchboard.ami.handoff.dropped")
                .description("AMI events lost because the tracker's hand-off queue was full")
                .register(registry);
        Gauge.builder("switchboard.ami.handoff.depth", queue, BlockingQueue::size)
                .description("AMI events waiting for the call tracker")
                .register(registry);
    }

    void observeLink(LinkObserver observer) {
        this.observer = observer;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        received.get(event.getClass()).increment();
        if (!queue.offer(event)) {
            dropped.increment();
            long now = System.currentTimeMillis();
            if (now - lastDropLog > 1000) {
                lastDropLog = now;
                log.error(
                        "Call tracker hand-off queue is full ({} events): dropped {}; {} dropped so far. "
                                + "The tracker cannot keep up with the PBX; a resync follows the next reconnect.",
                        queue.size(),
                        event.getClass().getSimpleName(),
                        (long) dropped.count());
            }
        }
        if (event instanceof ConnectEvent) {
            observer.connected();
        } else if (event instanceof DisconnectEvent) {
            observer.disconnected();
        }
    }

    /** Waits up to {@code timeoutMillis} for events and moves up to {@code max} of them into {@code batch}. */
    int drainTo(Collection<ManagerEvent> batch, int max, long timeoutMillis) throws InterruptedException {
        ManagerEvent first = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        batch.add(first);
        return 1 + queue.drainTo(batch, max - 1);
    }

    long dropped() {
        return (long) dropped.count();
    }
}
