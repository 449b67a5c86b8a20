package io.switchboard.lease;

import io.switchboard.gateway.cluster.NodeId;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The name a node writes as the holder of every lease it takes (dialer, backup, reports, PBX links): its cluster
 * {@link NodeId}, so that one query of the lease table tells which node does what, and health and metrics can say
 * which leases this node holds. Without a node id (the CRM on its own, in its tests) a name of host and process plus a
 * random part, so a restart is a new holder.
 */
public final class LeaseHolder {

    private LeaseHolder() {}

    public static String of(NodeId node) {
        if (node != null) {
            return node.value();
        }
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
