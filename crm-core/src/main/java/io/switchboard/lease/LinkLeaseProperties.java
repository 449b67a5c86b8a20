package io.switchboard.lease;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How nodes share the PBX links.
 *
 * @param ttl how long a link's lease lasts without renewal (renewed every third of it): when its owner dies another
 *     node takes the link within this time plus one renewal period
 * @param node this node's name in the leases; by default host and process plus a random part, so a restarted
 *     process is a new holder
 */
@ConfigurationProperties("switchboard.link-lease")
public record LinkLeaseProperties(@DefaultValue("3s") Duration ttl, String node) {

    public LinkLeaseProperties {
        if (ttl.compareTo(Duration.ofMillis(300)) < 0) {
            throw new IllegalArgumentException("switchboard.link-lease.ttl must be at least 300ms, was " + ttl);
        }
        if (node == null || node.isBlank()) {
            node = ManagementFactory.getRuntimeMXBean().getName() + "/"
                    + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
