package io.switchboard.gateway.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * One message between nodes, as a subscriber receives it.
 *
 * @param topic what it is about ({@link ClusterTopic#name()}); subscribers choose by topic
 * @param from the node that published it (never the receiving node: a node does not receive its own messages)
 * @param sentAt when it was published, by the publisher's clock (the bus lag metric is the receiver's clock minus it)
 * @param payload the body, usually JSON written by {@link ClusterTopic#encode}
 */
public record ClusterMessage(String topic, NodeId from, Instant sentAt, String payload) {

    public ClusterMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(payload, "payload");
    }
}
