package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.ami.LinkStatus.State;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one logged-in manager connection to Asterisk. It connects, and after every drop reconnects with
 * exponential backoff (Asterisk-Java's own reconnect loop is stopped: it retries at fixed intervals and only once
 * a first login succeeded). After every login it asks for the live channels and queues, whose listings arrive in
 * the event stream and let the tracker reconcile what happened while the link was down.
 */
public final class AmiLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);

    private final AmiProperties properties;
    private final EventHandOff handOff;
    private final Function<AmiProperties, ManagerConnection> connections;
    private final Backoff backoff;
    private final ListingRequests listings;
    private final Semaphore dropped = new Semaphore(0);
    private final ExecutorService resync = Executors.newSingleThreadExecutor(r -> daemon(r, "ami-resync"));
    private final Counter reconnects;
    private final Thread supervisor;
    private volatile boolean running = true;
    private volatile ManagerConnection connection;
    private volatile LinkStatus status = new LinkStatus(State.CONNECTING, Instant.now(), 0, null);

    AmiLink(
            AmiProperties properties,
            EventHandOff handOff,
            Function<AmiProperties, ManagerConnection> connections,
            ListingRequests listings,
            MeterRegistry registry) {
        this.properties = properties;
        this.listings = listings;
        this.handOff = handOff;
        this.connections = connections;
        this.backoff = new Backoff(properties.minBackoff(), properties.maxBackoff());
        this.reconnects = Counter.builder("switchboard.ami.link.reconnects")
                .description("Times the AMI link dropped and was re-established")
                .register(registry);
        Gauge.builder("switchboard.ami.link.up", () -> status.state() == State.UP ? 1 : 0)
                .description("1 while logged in to the PBX's manager interface")
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
        this.supervisor = daemon(this::superviseLink, "ami-link");
    }

    void start() {
        supervisor.start();
    }

    public LinkStatus status() {
        return status;
    }

    /** The logged-in connection, or null while the link is down. */
    ManagerConnection connection() {
        return status.state() == State.UP ? connection : null;
    }

    private void superviseLink() {
        int failures = 0;
        while (running) {
            ManagerConnection current = connections.apply(properties);
            current.addEventListener(handOff);
            connection = current;
            dropped.drainPermits();
            try {
                current.login();
                failures = 0;
                if (status.connects() > 0) {
                    reconnects.increment();
                }
                setStatus(State.UP, status.connects() + 1, null);
                log.info("AMI link up to {}:{}", properties.host(), properties.port());
                while (running && !dropped.tryAcquire(500, TimeUnit.MILLISECONDS)) {
                    // logged in; wait for Asterisk-Java to report the socket closed
                }
                if (!running) {
                    break;
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
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
