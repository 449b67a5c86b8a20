package io.switchboard.gateway.ami;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * When this node's PBX links open and close. They open once the application context has created every bean, not
 * when {@link PbxLinks} is created: a link's first listing (QueueStatus, CoreShowChannels) publishes every agent's and
 * every call's state once, and a subscriber of the call event bus created after the link came up would never see it
 * (a dialer that subscribed late counted 0 agents and dialled nothing, because a health gauge had asked for the
 * links early). Subscribers subscribe as their beans are created, so all of them are there when the links open.
 *
 * <p>At a graceful stop the links are handed over ({@link PbxLinks#handOver}) before any bean is destroyed (lifecycle
 * beans stop first), so the call log, the database and the cluster bus still work while the links are read on. Its
 * phase is one below the default so that it stops after the lifecycle beans of the default phase, the campaign dialer's
 * stop among them: the dialer waits for the PBX's answers to the dials it sent, which come through these links.
 */
final class LinkLifecycle implements SmartLifecycle {

    /** Longest wait for other nodes to take the links (they try every renewal period, a second by default). */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** Reading on after the links were taken: the new owners' login and listings. */
    static final Duration OVERLAP = Duration.ofSeconds(2);

    private final PbxLinks links;
    private volatile boolean running;
    private boolean opened;

    LinkLifecycle(PbxLinks links) {
        this.links = links;
    }

    /** Opens the links, once: after a handover they belong to other nodes until this one restarts. */
    @Override
    public synchronized void start() {
        if (!opened) {
            opened = true;
            links.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        links.handOver(MAX_WAIT, OVERLAP);
    }

    /** After the default phase's beans at a stop (the dialer's), before them at a start (all beans exist by then). */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
