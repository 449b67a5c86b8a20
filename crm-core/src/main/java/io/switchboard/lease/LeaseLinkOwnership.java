package io.switchboard.lease;

import io.switchboard.gateway.call.LinkOwnership;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * PBX links owned through named leases in the database ({@link Lease}): link {@code x} is the lease {@code ami-link:x}. A node that
 * runs links also keeps a {@code node:<name>} lease alive, so every node can count the nodes able to take links.
 *
 * <p>Links spread over nodes: a node takes a free (or expired) link only while it holds fewer than its share,
 * {@code ceil(links / live nodes)}, so when one of three nodes dies its links go to the others one by one instead of
 * all to the fastest. A node above its share hands one link over ({@link #shouldHandOver}) once another live node has
 * been below its share for {@code rebalanceAfter}: so a node that starts late, after the first took every link, gets
 * one. Hysteresis keeps links from flapping: a node at its share neither takes nor gives one (only above it gives,
 * only below it takes), the imbalance must last {@code rebalanceAfter} unbroken, and a node hands over at most one
 * link per {@code rebalanceAfter}.
 */
public final class LeaseLinkOwnership implements LinkOwnership, AutoCloseable {

    static final String LINK_PREFIX = "ami-link:";
    static final String NODE_PREFIX = "node:";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final String node;
    private final Duration ttl;
    private final Lease heartbeat;
    private final LeaseCensus census;
    private final Duration rebalanceAfter;
    private final Map<String, Lease> links = new ConcurrentHashMap<>();
    private volatile Instant lastHeartbeat = Instant.MIN;
    private volatile boolean leaving;
    /** Since when this node has seen itself above its share with another node below (null: not now). */
    private Instant unevenSince;
    /** When this node last decided to hand a link over: the next waits {@link #rebalanceAfter} at least. */
    private Instant lastHandOver = Instant.MIN;

    public LeaseLinkOwnership(NamedParameterJdbcTemplate jdbc, Clock clock, String node, Duration ttl) {
        this(jdbc, clock, node, ttl, LinkLeaseProperties.DEFAULT_REBALANCE_AFTER);
    }

    /** @param rebalanceAfter how long links must stay uneven before this node hands one over (see the class) */
    public LeaseLinkOwnership(
            NamedParameterJdbcTemplate jdbc, Clock clock, String node, Duration ttl, Duration rebalanceAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node;
        this.ttl = ttl;
        this.rebalanceAfter = rebalanceAfter;
        this.heartbeat = new Lease(jdbc, clock, NODE_PREFIX + node);
        this.census = new LeaseCensus(jdbc, clock);
    }

    /** This node's name in the leases. */
    public String node() {
        return node;
    }

    /** Synchronized: this node's links count and take one at a time, or two of them could each see room for one. */
    @Override
    public synchronized boolean tryAcquire(String link) {
        if (leaving) {
            return false;
        }
        beat();
        Lease lease = lease(link);
        if (lease.renew(node, ttl)) {
            return true;
        }
        return hasRoomFor(LINK_PREFIX + link) && lease.tryAcquire(node, ttl);
    }

    @Override
    public boolean renew(String link) {
        beat();
        return lease(link).renew(node, ttl);
    }

    @Override
    public void release(String link) {
        lease(link).release(node);
    }

    @Override
    public Duration renewEvery() {
        return ttl.dividedBy(3); // two renewals may fail (a slow database) before the lease expires
    }

    @Override
    public boolean heldByAnother(String link) {
        return lease(link).isHeldByAnother(node);
    }

    /**
     * Stops beating, so the other nodes count the nodes without this one: each then has room for the links this node is
     * about to give up (with this node still counted, the last other node could be at its share and leave a link
     * without an owner until this node's heartbeat ends).
     */
    @Override
    public void leave() {
        leaving = true;
        close();
    }

    /**
     * Asked by each link's keeper after renewing it. True (for one link at a time) once this node has held more than
     * its share, {@code ceil(links / live nodes)}, while another live node held fewer than its share, on every check
     * for {@code rebalanceAfter}, and not within {@code rebalanceAfter} of its last hand-over. The caller then releases
     * the link while still reading it, so the node below its share takes it ({@link LinkOwnership}).
     */
    @Override
    public synchronized boolean shouldHandOver(String link) {
        if (leaving) {
            return false;
        }
        LeaseCensus.Count count = census.count(LINK_PREFIX, NODE_PREFIX, node, LINK_PREFIX + link);
        Instant now = clock.instant();
        if (count.heldByThisNode() <= count.share() || !count.anotherBelowShare()) {
            unevenSince = null;
            return false;
        }
        if (unevenSince == null) {
            unevenSince = now;
        }
        if (now.isBefore(unevenSince.plus(rebalanceAfter)) || now.isBefore(lastHandOver.plus(rebalanceAfter))) {
            return false;
        }
        lastHandOver = now;
        unevenSince = null;
        return true;
    }

    /** Takes the link back, share or not, while nobody holds it (a hand-over no node took up). */
    @Override
    public synchronized boolean reclaim(String link) {
        return !leaving && lease(link).tryAcquire(node, ttl);
    }

    @Override
    public boolean othersAlive() {
        return census.count(LINK_PREFIX, NODE_PREFIX, node, LINK_PREFIX).nodes() > 1;
    }

    /** Leaves the cluster's count of nodes at shutdown (after the links were released). */
    @Override
    public void close() {
        try {
            heartbeat.release(node);
        } catch (RuntimeException e) {
            // the database is gone already: the heartbeat expires by itself
        }
    }

    private boolean hasRoomFor(String linkLease) {
        LeaseCensus.Count count = census.count(LINK_PREFIX, NODE_PREFIX, node, linkLease);
        return count.heldByThisNode() < count.share();
    }

    /** Renews this node's heartbeat at most once per renewal period, however many links ask. */
    private void beat() {
        if (leaving) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(lastHeartbeat.plus(renewEvery()))) {
            return;
        }
        if (heartbeat.tryAcquire(node, ttl)) {
            lastHeartbeat = now;
        }
    }

    private Lease lease(String link) {
        return links.computeIfAbsent(link, l -> new Lease(jdbc, clock, LINK_PREFIX + l));
    }
}
