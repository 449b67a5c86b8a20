package io.switchboard.gateway.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node talks to the others ({@code switchboard.cluster.*}).
 *
 * @param nodeId this node's name in messages, health and metrics; unset, the host's name and a random suffix
 * @param transport {@code auto} (PostgreSQL {@code LISTEN/NOTIFY} when the database is PostgreSQL, in-process
 *     otherwise), {@code in-process} (one node) or {@code postgres}
 * @param callEvents {@code each-node}: every node reads its own PBX link and handles its events itself, as one node
 *     does (the default until links have owners); {@code from-owner}: the node that owns a link relays its call events
 *     to the others, whose {@link io.switchboard.gateway.call.CallEventSource#EVERY_NODE} subscribers get them, and
 *     the once-per-call consumers' desktop messages cross to the nodes holding the desktops
 * @param outgoingCapacity messages waiting to be sent to the other nodes; past it new ones are dropped (counted)
 * @param reconnectMaxBackoff longest wait between attempts to get the listening connection back
 * @param largeMessageKeep how long a message too large for a notification stays in {@code cluster_messages} for the
 *     other nodes to read
 */
@ConfigurationProperties("switchboard.cluster")
public record ClusterProperties(
        String nodeId,
        @DefaultValue("auto") Transport transport,
        @DefaultValue("each-node") CallEvents callEvents,
        @DefaultValue("10000") int outgoingCapacity,
        @DefaultValue("5s") Duration reconnectMaxBackoff,
        @DefaultValue("5m") Duration largeMessageKeep) {

    public enum Transport {
        AUTO,
        IN_PROCESS,
        POSTGRES
    }

    public enum CallEvents {
        /** Every node reads its own link(s): call events and what they cause stay on the node. */
        EACH_NODE,
        /** One node owns each link and relays its call events; once-per-call consumers run on the owner only. */
        FROM_OWNER
    }

    /** This node's id: the configured one, or one made up now. */
    public NodeId node() {
        if (nodeId != null && !nodeId.isBlank()) {
            return new NodeId(nodeId);
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            host = "node";
        }
        return NodeId.generated(host);
    }
}
