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
 * @param rebalanceAfter how long a node must see itself above its share of links, with another live node below its
 *     share, before it hands one link over (and the least time between two of its hand-overs): the hysteresis that
 *     keeps links from moving back and forth while nodes start and stop
 */
@ConfigurationProperties("switchboard.link-lease")
public record LinkLeaseProperties(
        @DefaultValue("3s") Duration ttl,
        String node,
        @DefaultValue("3s") Duration rebalanceAfter) {

    static final Duration DEFAULT_REBALANCE_AFTER = Duration.ofSeconds(3);

    public LinkLeaseProperties {
        if (rebalanceAfter == null) {
            rebalanceAfter = DEFAULT_REBALANCE_AFTER;
        }
        if (rebalanceAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "switchboard.link-lease.rebalance-after must not be negative, was " + rebalanceAfter);
        }
        if (ttl.compareTo(Duration.ofMillis(300)) < 0) {
            throw new IllegalArgumentException("switchboard.link-lease.ttl must be at least 300ms, was " + ttl);
        }
        if (node != null && node.isBlank()) {
            node = null;
        }
    }
}
