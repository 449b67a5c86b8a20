package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.switchboard.gateway.ami.LinkStatus.State;
import io.switchboard.gateway.call.LinkOwnership;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one logged-in manager connection to Asterisk, while this node owns the link ({@link LinkOwnership}: with
 * several nodes exactly one reads each PBX; the others stand by and take over when the owner stops renewing). It connects, and after every drop reconnects with
 * exponential backoff (Asterisk-Java's own reconnect loop is stopped: it retries at fixed intervals and only once
 * a first login succeeded). After every login it asks for the live channels and queues, whose listings arrive in
 * the event stream and let the tracker reconcile what happened while the link was down.
 */
public final class AmiLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);

    private final String id;
    private final LinkOwnership ownership;
    private final AmiProperties properties;
    private final EventHandOff handOff;
    private final Function<AmiProperties, ManagerConnection> connections;
    private final Backoff backoff;
    private final ListingRequests listings;
    private final Semaphore dropped = new Semaphore(0);
    private final ExecutorService resync = Executors.newSingleThreadExecutor(r -> daemon(r, "ami-resync"));
    private final ScheduledExecutorService keeper;
    private final Counter reconnects;
    private final Thread supervisor;
    private volatile boolean running = true;
    private volatile ManagerConnection connection;
    private volatile LinkStatus status = new LinkStatus(State.CONNECTING, Instant.now(), 0, null);
    private volatile boolean owned;
    /** The lease was given up at a graceful stop; the session stays until {@link #close}. */
    private volatile boolean handingOver;
    /** The keeper found this node above its share of links: the supervisor hands this one over, still reading it. */
    private volatile boolean rebalance;
    /** Set once a rebalancing hand-over's session is logged off: the tracker then forgets that session's calls. */
    private boolean gaveUp;

    AmiLink(
            String id,
            LinkOwnership ownership,
            AmiProperties properties,
            EventHandOff handOff,
            Function<AmiProperties, ManagerConnection> connections,
            ListingRequests listings,
            MeterRegistry registry) {
        this.id = id;
        this.ownership = ownership;
        this.properties = properties;
        this.listings = listings;
        this.handOff = handOff;
        this.connections = connections;
        this.backoff = new Backoff(properties.minBackoff(), properties.maxBackoff());
        Tags pbx = Tags.of("pbx", id);
        this.reconnects = Counter.builder("switchboard.ami.link.reconnects")
                .description("Times the AMI link dropped and was re-established")
                .tags(pbx)
                .register(registry);
        Gauge.builder("switchboard.ami.link.up", () -> status.state() == State.UP ? 1 : 0)
                .description("1 while logged in to the PBX's manager interface")
                .tags(pbx)
                .register(registry);
        Gauge.builder("switchboard.ami.link.owned", () -> owned ? 1 : 0)
                .description("1 on the node that owns the PBX link (holds its lease), 0 on the others")
                .tags(pbx)
                .register(registry);
        handOff.observeLink(new EventHandOff.LinkObserver() {
            @Override
            public void connected() {
                resync.execute(AmiLink.this::requestListings);
            }

            @Override
            public void disconnected() {
                dropped.release();
            }
        });
        this.supervisor = daemon(this::superviseLink, "ami-link-" + id);
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ami-lease-" + id));
    }

    void start() {
        long every = ownership.renewEvery().toMillis();
        keeper.scheduleWithFixedDelay(this::keepLease, every, every, TimeUnit.MILLISECONDS);
        supervisor.start();
    }

    public LinkStatus status() {
        return status;
    }

    /** The PBX's id in configuration ({@code default} for the single {@code switchboard.ami} link). */
    public String id() {
        return id;
    }

    /** Whether this node owns the link now (it is the one that may log in to the PBX). */
    public boolean owned() {
        return owned;
    }

    /**
     * At a graceful stop, when other nodes can take the link: gives its lease up but stays logged in, so events keep
     * reaching this node's tracker (and the calls ending meanwhile their call log) until the next owner has logged in
     * and read the listings; {@link #close} logs off then. Whether this node owned the link.
     */
    boolean releaseKeepingSession() {
        if (!owned) {
            return false;
        }
        handingOver = true;
        owned = false;
        try {
            ownership.release(id);
        } catch (RuntimeException e) {
            log.debug("Could not release PBX link {}; its lease expires by itself", id, e);
        }
        log.info("PBX link {} handed over; still reading it until the next owner has it", id);
        return true;
    }

    /** The logged-in connection, or null while the link is down. */
    ManagerConnection connection() {
        return status.state() == State.UP ? connection : null;
    }

    private void superviseLink() {
        int failures = 0;
        while (running) {
            if (gaveUp) {
                gaveUp = false;
                handOff.enqueue(new LinkGivenUpEvent(this)); // behind the logged-off session's last events
            }
            if (!own()) {
                setStatus(State.STANDBY, status.connects(), null);
                if (!sleep(ownership.renewEvery().toMillis())) {
                    break;
                }
                continue;
            }
            rebalance = false; // a hand-over decided for an earlier session is stale now
            ManagerConnection current = connections.apply(properties);
            current.addEventListener(handOff);
            connection = current;
            dropped.drainPermits();
            try {
                current.login();
                if (!owned) {
                    log.warn("PBX link {} was lost while logging in (its lease expired); logging off", id);
                    continue; // the finally logs off; the next round stands by or takes the link back
                }
                failures = 0;
                if (status.connects() > 0) {
                    reconnects.increment();
                }
                setStatus(State.UP, status.connects() + 1, null);
                log.info("AMI link {} up to {}:{}", id, properties.host(), properties.port());
                while (running && !dropped.tryAcquire(500, TimeUnit.MILLISECONDS)) {
                    // logged in; wait for Asterisk-Java to report the socket closed or the keeper the lease lost
                    if (rebalance && handOverToAnotherNode()) {
                        break;
                    }
                }
                if (!running) {
                    break;
                }
                if (!owned) {
                    log.warn("PBX link {} is no longer this node's; logging off", id);
                    continue;
                }
                setStatus(State.DOWN, status.connects(), "connection lost");
                log.warn("AMI link to {}:{} lost; reconnecting", properties.host(), properties.port());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failures++;
                setStatus(State.DOWN, status.connects(), e.getClass().getSimpleName() + ": " + e.getMessage());
                log.warn(
                        "AMI login to {}:{} failed (attempt {}): {}",
                        properties.host(),
                        properties.port(),
                        failures,
                        e.getMessage());
            } finally {
                discard(current);
            }
            if (!sleep(backoff.forAttempt(failures).toMillis())) {
                break;
            }
            setStatus(State.CONNECTING, status.connects(), status.lastError());
        }
        setStatus(State.STOPPED, status.connects(), status.lastError());
    }

    /**
     * Gives the link to a node below its share while this node still reads it, as a graceful stop does ({@link
     * LinkLifecycle}): the lease is released, events keep reaching this node's tracker until another node holds the
     * lease (at most {@link LinkLifecycle#MAX_WAIT}) and for {@link LinkLifecycle#OVERLAP} more, its login and listings;
     * then the supervisor logs off and stands by. A call that ends meanwhile is seen here or picked up by the new
     * owner's resync, and logged once (the call log is unique per call). When no node took the link in time (the one
     * below its share cannot reach this PBX, say), this node takes its lease back and reads on, never logged off.
     *
     * @return whether another node has the link now (then the supervisor logs off)
     */
    private boolean handOverToAnotherNode() throws InterruptedException {
        rebalance = false;
        owned = false; // first, so the keeper leaves the lease alone
        try {
            ownership.release(id);
        } catch (RuntimeException e) {
            log.warn("Could not release PBX link {} to rebalance; keeping it: {}", id, e.toString());
            owned = true;
            return false;
        }
        log.info("PBX link {} handed to a node with fewer links; still reading it until that node has it", id);
        long deadline = System.nanoTime() + LinkLifecycle.MAX_WAIT.toNanos();
        while (running && System.nanoTime() < deadline && !takenByAnother()) {
            Thread.sleep(100); // polls the lease table: the next owner writes its lease there
        }
        if (running && !takenByAnother() && reclaim()) {
            owned = true;
            log.warn("No node took PBX link {} within {}; this node keeps reading it", id, LinkLifecycle.MAX_WAIT);
            return false;
        }
        gaveUp = true; // once logged off (the supervisor's finally), the tracker forgets this session's calls
        Thread.sleep(LinkLifecycle.OVERLAP.toMillis());
        return true;
    }

    private boolean reclaim() {
        try {
            return ownership.reclaim(id);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean takenByAnother() {
        try {
            return ownership.heldByAnother(id);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Takes or keeps the link's lease; a database error counts as not owning (another node may own it now). */
    private boolean own() {
        if (handingOver) {
            return false; // given up at a graceful stop: never taken back
        }
        boolean was = owned;
        try {
            owned = ownership.tryAcquire(id);
        } catch (RuntimeException e) {
            log.warn("Could not take or keep PBX link {}: {}", id, e.toString());
            owned = false;
        }
        if (owned && !was) {
            log.info("This node now owns PBX link {}", id);
        }
        return owned;
    }

    /**
     * Renews the lease on a thread of its own, so a slow login or a stalled PBX never lets it expire unnoticed;
     * when it is lost, the supervisor is woken to log off before the next owner logs in.
     */
    private void keepLease() {
        if (!owned || !running || handingOver) {
            return;
        }
        boolean kept;
        try {
            kept = ownership.renew(id);
        } catch (RuntimeException e) {
            log.warn("Could not renew PBX link {}: {}", id, e.toString());
            kept = false;
        }
        if (!kept) {
            owned = false;
            dropped.release();
            return;
        }
        try {
            rebalance |= ownership.shouldHandOver(id);
        } catch (RuntimeException e) {
            log.debug("Could not count PBX links' owners; no rebalancing this round", e);
        }
    }

    /** Sent from the resync thread, never from Asterisk-Java's: the listings arrive as events, in stream order. */
    private void requestListings() {
        ManagerConnection current = connection;
        if (current == null) {
            return;
        }
        listings.newSession();
        try {
            // each with an ActionID of ours: only the listings we asked for may reconcile the tracker
            CoreShowChannelsAction channels = new CoreShowChannelsAction();
            channels.setActionId(listings.register());
            current.sendEventGeneratingAction(
                    channels, properties.responseTimeout().toMillis());
            QueueStatusAction queues = new QueueStatusAction();
            queues.setActionId(listings.register());
            current.sendEventGeneratingAction(
                    queues, properties.responseTimeout().toMillis());
        } catch (Exception e) {
            log.warn("AMI resync request failed: {}; the next reconnect resyncs again", e.toString());
        }
    }

    private void discard(ManagerConnection old) {
        old.removeEventListener(handOff);
        try {
            old.logoff(); // also stops Asterisk-Java's own reconnect thread
        } catch (RuntimeException e) {
            // already disconnected: nothing to log off
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void setStatus(State state, long connects, String lastError) {
        status = new LinkStatus(state, Instant.now(), connects, lastError);
    }

    @Override
    public void close() {
        running = false;
        supervisor.interrupt();
        try {
            supervisor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        resync.shutdownNow();
        keeper.shutdownNow();
        if (owned) {
            owned = false;
            try {
                ownership.release(id); // after logging off, so the next owner never overlaps this session
            } catch (RuntimeException e) {
                log.debug("Could not release PBX link {}; its lease expires by itself", id, e);
            }
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
