package io.switchboard.gateway.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus of one node (the demo, H2): there are no other nodes, so publishing only counts. Nodes made in one JVM
 * with one {@link Hub} (tests) reach each other through it, synchronously on the publishing thread.
 */
public final class InProcessClusterBus implements ClusterBus {

    /** {@link ClusterState#transport()} of this transport. */
    public static final String TRANSPORT = "in-process";

    private static final Logger log = LoggerFactory.getLogger(InProcessClusterBus.class);

    private final NodeId node;
    private final Hub hub;
    private final ClusterMetrics metrics;
    private final Map<String, List<Consumer<ClusterMessage>>> subscribers = new ConcurrentHashMap<>();

    /** A single node: nobody else hears it. */
    public InProcessClusterBus(NodeId node, ClusterMetrics metrics) {
        this(node, new Hub(), metrics);
    }

    /** One of the nodes that share {@code hub}. */
    public InProcessClusterBus(NodeId node, Hub hub, ClusterMetrics metrics) {
        this.node = Objects.requireNonNull(node, "node");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        hub.nodes.add(this);
    }

    @Override
    public NodeId node() {
        return node;
    }

    @Override
    public void publish(String topic, String payload) {
        ClusterMessage message = new ClusterMessage(topic, node, metrics.now(), payload);
        metrics.published(topic);
        for (InProcessClusterBus other : hub.nodes) {
            if (other != this) {
                other.receive(message);
            }
        }
    }

    private void receive(ClusterMessage message) {
        List<Consumer<ClusterMessage>> list = subscribers.get(message.topic());
        if (list == null) {
            return;
        }
        metrics.received(message);
        for (Consumer<ClusterMessage> subscriber : list) {
            try {
                subscriber.accept(message);
            } catch (RuntimeException e) {
                metrics.dropped(message.topic());
                log.warn(
                        "A {} message from {} could not be handled: {}", message.topic(), message.from(), e.toString());
            }
        }
    }

    @Override
    public Subscription subscribe(String topic, Consumer<ClusterMessage> subscriber) {
        List<Consumer<ClusterMessage>> list = subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        return () -> list.remove(subscriber);
    }

    @Override
    public ClusterState state() {
        return new ClusterState(node, TRANSPORT, true, 0, "one node: messages stay in this process");
    }

    @Override
    public void close() {
        hub.nodes.remove(this);
    }

    /** The nodes of one JVM that hear each other. */
    public static final class Hub {
        private final List<InProcessClusterBus> nodes = new CopyOnWriteArrayList<>();
    }
}
