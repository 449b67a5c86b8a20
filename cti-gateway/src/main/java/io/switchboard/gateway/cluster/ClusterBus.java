package io.switchboard.gateway.cluster;

import java.util.function.Consumer;

/**
 * Messages between the application nodes that share one database: what one node produces for desktops, call events
 * from the node that owns a PBX link, commands for that owner. One small interface with two transports: in-process
 * (one node: the demo, H2; nothing leaves the JVM) and PostgreSQL {@code LISTEN/NOTIFY} (several nodes on one
 * PostgreSQL, no further infrastructure).
 *
 * <p>What every transport promises:
 *
 * <ul>
 *   <li>a message reaches every <em>other</em> node's subscribers of its topic, never the node that published it: the
 *       publisher handles its own part itself (delivers to its own desktops), so nothing is done twice there;
 *   <li>messages of one publishing node arrive in the order it published them;
 *   <li>at most once: a message published while the transport is down, or while a node is not listening (its
 *       database connection is being re-established), is lost and counted as dropped; nothing is replayed;
 *   <li>{@link #publish} returns at once, from any thread; subscribers are called on the transport's receiving
 *       thread, one message after the other, and should hand slow work off.
 * </ul>
 */
public interface ClusterBus extends AutoCloseable {

    /** This node. */
    NodeId node();

    /** Sends {@code payload} to the other nodes' subscribers of {@code topic}. Never blocks, never throws for a down transport. */
    void publish(String topic, String payload);

    /** Subscribes to the other nodes' messages of {@code topic}. Returns what to close to stop. */
    Subscription subscribe(String topic, Consumer<ClusterMessage> subscriber);

    /** The transport's state now, for health details. */
    ClusterState state();

    /** Publishes a record as JSON. */
    default <T> void publish(ClusterTopic<T> topic, T message) {
        publish(topic.name(), topic.encode(message));
    }

    /**
     * Subscribes to a topic's records. A message that is not one (another version's node, say) is counted as dropped
     * by the transport and logged, and the subscriber gets the next one.
     */
    default <T> Subscription subscribe(ClusterTopic<T> topic, Consumer<T> subscriber) {
        return subscribe(topic.name(), message -> subscriber.accept(topic.decode(message.payload())));
    }

    /** Stops receiving; pending outgoing messages are sent first where the transport can. */
    @Override
    void close();

    /** One subscription; closing it stops its deliveries. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
