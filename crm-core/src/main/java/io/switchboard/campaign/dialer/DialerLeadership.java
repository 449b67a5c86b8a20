package io.switchboard.campaign.dialer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.lease.Lease;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node dials: it does while it holds the dialer lease, which every round renews (or, on a standby node,
 * tries to take). A node that takes over first gives back the leads a dead leader left dialling.
 */
final class DialerLeadership {

    private static final Logger log = LoggerFactory.getLogger(DialerLeadership.class);

    private final Lease lease;
    private final String node;
    private final Duration term;
    private final Runnable onTakeOver;
    private volatile boolean leader;

    DialerLeadership(Lease lease, String node, Duration term, Runnable onTakeOver, MeterRegistry registry) {
        this.lease = lease;
        this.node = node;
        this.term = term;
        this.onTakeOver = onTakeOver;
        Gauge.builder("switchboard.dialer.leader", () -> leader ? 1 : 0)
                .description("1 on the node that holds the dialer lease and dials, 0 elsewhere")
                .register(registry);
    }

    /** Renews or takes the lease; whether this node dials this round. */
    boolean hold() {
        boolean holds = leader ? lease.renew(node, term) : lease.tryAcquire(node, term);
        if (holds && !leader) {
            log.info("This node ({}) now dials campaigns", node);
            onTakeOver.run();
        } else if (!holds && leader) {
            log.warn("This node ({}) lost the dialer lease and stops dialling", node);
        }
        leader = holds;
        return holds;
    }

    boolean leader() {
        return leader;
    }

    /** Lets another node take over at once instead of waiting for the lease to expire. */
    void release() {
        if (leader) {
            try {
                lease.release(node);
            } catch (RuntimeException e) {
                log.debug("Could not release the dialer lease; it expires by itself", e);
            }
        }
    }
}
