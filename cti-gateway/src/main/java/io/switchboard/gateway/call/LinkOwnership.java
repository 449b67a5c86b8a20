package io.switchboard.gateway.call;

import java.time.Duration;

/**
 * Who may hold a PBX link. With several application nodes each link must be read by exactly one of them (a PBX
 * keeps an event queue per manager session, and two trackers of one call would write it twice), so a node opens a
 * link only while it owns it. The gateway asks from its link thread, never from an event listener.
 */
public interface LinkOwnership {

    /** Takes the link when nobody holds it (or it is already this node's); true when this node owns it now. */
    boolean tryAcquire(String link);

    /** Keeps the link; false when this node lost it (its lease expired, the database was unreachable). */
    boolean renew(String link);

    /** Gives the link up so another node takes it at once (at shutdown). */
    void release(String link);

    /** How long a link may go between renewals before another node may take it. */
    Duration renewEvery();

    /** Whether another node holds the link now (it took it over). Without other nodes: never. */
    default boolean heldByAnother(String link) {
        return false;
    }

    /**
     * Leaves the cluster's count of nodes and takes no link any more (at a graceful stop, before the links are given
     * up), so the other nodes see room to take them at once.
     */
    default void leave() {}

    /**
     * Whether this node should hand {@code link} over to a node with fewer links (it holds more than its share while
     * another node holds fewer), asked by the link's keeper while this node owns it. Without other nodes: never.
     */
    default boolean shouldHandOver(String link) {
        return false;
    }

    /**
     * Takes back a link this node released to hand it over when no other node took it: whatever this node's share,
     * as long as nobody holds it. True when this node owns it again.
     */
    default boolean reclaim(String link) {
        return tryAcquire(link);
    }

    /** Whether other nodes able to take links are alive, so a link given up at shutdown will find a new owner. */
    default boolean othersAlive() {
        return false;
    }

    /** The single node of a deployment without a shared database: it owns every link. */
    static LinkOwnership sole() {
        return new LinkOwnership() {
            @Override
            public boolean tryAcquire(String link) {
                return true;
            }

            @Override
            public boolean renew(String link) {
                return true;
            }

            @Override
            public void release(String link) {}

            @Override
            public Duration renewEvery() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
