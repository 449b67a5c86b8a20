package io.switchboard.gateway.ami;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Hands this node's PBX links over at a graceful stop ({@link PbxLinks#handOver}), as the first thing the stop does:
 * lifecycle beans stop before any bean is destroyed, so the call log, the database and the cluster bus still work
 * while the links are read on.
 */
final class LinkHandover implements SmartLifecycle {

    /** Longest wait for other nodes to take the links (they try every renewal period, a second by default). */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** Reading on after the links were taken: the new owners' login and listings. */
    static final Duration OVERLAP = Duration.ofSeconds(2);

    private final PbxLinks links;
    private volatile boolean running;

    LinkHandover(PbxLinks links) {
        this.links = links;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        links.handOver(MAX_WAIT, OVERLAP);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
