package io.switchboard.lease;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How nodes share the PBX links.
 *
 * @param ttl how long a link's lease lasts without renewal (renewed every third of it): when its owner dies another
 *     node takes the link within this time plus one renewal period
 * @param node this node's name in the link leases; by default its cluster node id ({@code switchboard.cluster.node-id}),
 *     the name it holds every other lease under
 */
@ConfigurationProperties("switchboard.link-lease")
public record LinkLeaseProperties(@DefaultValue("3s") Duration ttl, String node) {

    public LinkLeaseProperties {
        if (ttl.compareTo(Duration.ofMillis(300)) < 0) {
            throw new IllegalArgumentException("switchboard.link-lease.ttl must be at least 300ms, was " + ttl);
        }
        if (node != null && node.isBlank()) {
            node = null;
        }
    }
}
