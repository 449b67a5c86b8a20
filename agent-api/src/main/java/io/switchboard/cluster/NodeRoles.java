package io.switchboard.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.call.Pbxes;
import io.switchboard.gateway.cluster.NodeId;
import io.switchboard.lease.Lease;
import io.switchboard.lease.LeaseTable;
import io.switchboard.lease.LeaseTable.LiveLease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What this node does for the cluster: the PBX links it owns (from its gateway) and the cluster-wide jobs whose lease it
 * holds (from the lease table, where every lease names its holder by the node id): the dialer, the scheduled report
 * mails, the daily backup. The ticket escalation scheduler has no lease (every node runs its passes; row locks give
 * each due ticket to one of them), so it shows whether it runs here. Shown in health ({@link NodeHealthIndicator}) and
 * as the gauges {@code switchboard.node.role{role}}, 1 where this node has the role.
 */
final class NodeRoles {

    /** The leases of jobs one node at a time runs, each also a gauge. */
    static final List<String> JOBS = List.of(Lease.DIALER, Lease.REPORTS, Lease.BACKUP);

    static final String ESCALATIONS = "escalations";
    static final String LINK_ROLE_PREFIX = "ami-link:";
    /** Gauges read the lease table at most this often, however many are scraped. */
    private static final Duration GAUGE_READ_EVERY = Duration.ofSeconds(1);

    /**
     * @param node this node
     * @param links each configured PBX and whether this node owns its link
     * @param jobs each job's lease and whether this node holds it; empty when the lease table could not be read
     * @param escalations whether the ticket escalation scheduler runs on this node
     * @param holders every lease held in the cluster now (jobs and links) and its holder
     * @param nodes the nodes that run PBX links and are alive (their heartbeat leases)
     * @param error why the lease table could not be read, or null
     */
    record View(
            String node,
            Map<String, Boolean> links,
            Map<String, Boolean> jobs,
            boolean escalations,
            Map<String, String> holders,
            List<String> nodes,
            String error) {}

    private final NodeId node;
    private final LeaseTable leases;
    private final Supplier<Pbxes> pbxes;
    private final boolean escalations;
    private volatile View cached;
    private volatile long cachedAt;

    NodeRoles(NodeId node, LeaseTable leases, Supplier<Pbxes> pbxes, boolean escalations) {
        this.node = node;
        this.leases = leases;
        this.pbxes = pbxes;
        this.escalations = escalations;
    }

    /** Registers one gauge per role this node could have: each job, the escalations, each configured link. */
    NodeRoles registerGauges(MeterRegistry registry) {
        for (String job : JOBS) {
            gauge(registry, job, () -> recent().jobs().getOrDefault(job, false));
        }
        gauge(registry, ESCALATIONS, () -> escalations);
        for (String pbx : links().keySet()) {
            gauge(registry, LINK_ROLE_PREFIX + pbx, () -> links().getOrDefault(pbx, false));
        }
        return this;
    }

    /** Reads the roles now. */
    View now() {
        Map<String, Boolean> jobs = new LinkedHashMap<>();
        Map<String, String> holders = new LinkedHashMap<>();
        List<String> nodes = new ArrayList<>();
        String error = null;
        try {
            JOBS.forEach(job -> jobs.put(job, false));
            for (LiveLease lease : leases.live()) {
                if (lease.heartbeat()) {
                    nodes.add(lease.holder());
                    continue;
                }
                holders.put(lease.name(), lease.holder());
                if (jobs.containsKey(lease.name())) {
                    jobs.put(lease.name(), lease.holder().equals(node.value()));
                }
            }
        } catch (RuntimeException e) {
            // the database is away: its own health says so; the links this node owns are still known
            jobs.clear();
            error = "The lease table could not be read: " + e.getMessage();
        }
        View view = new View(node.value(), links(), jobs, escalations, holders, List.copyOf(nodes), error);
        cached = view;
        cachedAt = System.nanoTime();
        return view;
    }

    private View recent() {
        View view = cached;
        if (view == null || System.nanoTime() - cachedAt > GAUGE_READ_EVERY.toNanos()) {
            view = now();
        }
        return view;
    }

    private Map<String, Boolean> links() {
        Pbxes configured = pbxes.get();
        return configured == null ? Map.of() : configured.linksOwned();
    }

    private static void gauge(MeterRegistry registry, String role, Supplier<Boolean> has) {
        Gauge.builder("switchboard.node.role", () -> has.get() ? 1 : 0)
                .description("1 where this node has the role: holds the job's lease, owns the PBX link, runs the"
                        + " escalation passes")
                .tag("role", role)
                .register(registry);
    }
}
