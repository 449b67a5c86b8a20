package io.switchboard.gateway.livesync;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.PbxListed;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.call.CallEventSource;
import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.gateway.cluster.ClusterState;
import io.switchboard.gateway.cluster.ClusterTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every node shows the same agents and queues as the owners of the PBX links, from the moment it joins: call events
 * relayed from an owner only say what changes, so a node that starts late, or whose bus connection was cut, would know
 * an agent's state only from that agent's next change. So a node asks the owners for a {@link LinkSnapshot} of each
 * link when its bus connection is (again) up, and asks again each second until every link it does not own answered
 * (an owner that just took over, or nobody yet, answers later); an owner sends its snapshot to every node, and merges
 * it into its own view, when its PBX's listings after a login are in ({@link PbxListed}), so a link that moves to a
 * new owner clears, on every node, the states of agents and callers that went while nobody read the PBX. A snapshot
 * is merged into what this node's read models were told ({@link SnapshotMerge}) and handed to them as relayed call
 * events, so the live board, the desktops and the dialer need nothing of their own for it.
 *
 * <p>Metrics: {@link SyncMetrics} ({@code switchboard.cluster.sync.*}).
 */
public final class LiveStateSync implements AutoCloseable {

    static final ClusterTopic<SnapshotRequest> REQUESTS = ClusterTopic.of("state-requests", SnapshotRequest.class);
    static final ClusterTopic<LinkSnapshot> SNAPSHOTS = ClusterTopic.of("state-snapshots", LinkSnapshot.class);
    static final Duration ASK_AGAIN = Duration.ofSeconds(1);
    /** Asking stops after this many tries; an owner found later sends its snapshot itself after its next listing. */
    static final int MAX_ASKS = 10;
    /** When this node cannot tell which PBXes there are (it has no links configured), it asks this many times. */
    static final int BLIND_ASKS = 3;

    private static final Logger log = LoggerFactory.getLogger(LiveStateSync.class);

    /** The PBX links as this node sees them. */
    public interface Links {
        /** Every PBX configured; empty when this node has none (it cannot tell which to wait for). */
        List<String> all();

        boolean owns(String pbx);

        static Links none() {
            return new Links() {
                @Override
                public List<String> all() {
                    return List.of();
                }

                @Override
                public boolean owns(String pbx) {
                    return false;
                }
            };
        }
    }

    private final CallEventBus events;
    private final ClusterBus bus;
    private final Links links;
    private final String node;
    private final LiveStateBook own = LiveStateBook.ofTrackers();
    private final LiveStateBook view = LiveStateBook.ofView();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private final SnapshotParts gathering = new SnapshotParts();
    /** PBXes still to hear from since the last time this node asked. */
    private final Set<String> awaited = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "live-state-sync");
        thread.setDaemon(true);
        return thread;
    });
    private final SyncMetrics metrics;
    private volatile long seenReconnects = -1;
    private volatile long askedAt;
    private int asks;
    /** Which round of asking is current: a reconnect starts a new one, and the last one's retries stop. */
    private int round;

    public LiveStateSync(CallEventBus events, ClusterBus bus, Links links, MeterRegistry registry) {
        this.events = events;
        this.bus = bus;
        this.links = links;
        this.node = bus.node().value();
        this.metrics = new SyncMetrics(registry);
        // inline: the books must have each event before anything after it is asked of them
        subscriptions.add(events.subscribe(
                "live-state-own", CallEventSource.THIS_NODE, CallEventDelivery.inline(), own.handlers()));
        subscriptions.add(events.subscribe(
                "live-state-view", CallEventSource.EVERY_NODE, CallEventDelivery.inline(), view.handlers()));
        subscriptions.add(events.subscribe(
                "live-state-listed",
                CallEventSource.THIS_NODE,
                CallEventDelivery.inline(),
                CallEventHandlers.none().on(PbxListed.class, listed -> worker.execute(() -> listed(listed.pbx())))));
        subscriptions.add(bus.subscribe(REQUESTS, request -> worker.execute(() -> answer(request))));
        subscriptions.add(bus.subscribe(SNAPSHOTS, this::received));
    }

    /**
     * Starts asking, once every read model of the node has subscribed to the call events (a snapshot merged before one
     * of them subscribed would be lost to it). Until then the books fill and this node answers other nodes' requests.
     */
    public LiveStateSync start() {
        worker.scheduleWithFixedDelay(this::watchBus, 0, 200, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The bus connection came up, or back: ask every other link's owner, and tell the others of this node's links. */
    private void watchBus() {
        ClusterState state = bus.state();
        if (!state.connected() || state.reconnects() == seenReconnects) {
            return;
        }
        seenReconnects = state.reconnects();
        asks = 0;
        round++;
        awaited.clear();
        links.all().stream().filter(pbx -> !links.owns(pbx)).forEach(awaited::add);
        askedAt = System.nanoTime();
        ask(round);
        links.all().stream().filter(links::owns).forEach(pbx -> send(pbx, null));
    }

    /** On the worker thread, as everything that touches {@code asks} and {@code round}. */
    private void ask(int ofRound) {
        boolean blind = links.all().isEmpty();
        if (ofRound != round || (!blind && awaited.isEmpty()) || asks >= (blind ? BLIND_ASKS : MAX_ASKS)) {
            return;
        }
        asks++;
        bus.publish(REQUESTS, new SnapshotRequest(node, List.copyOf(awaited)));
        worker.schedule(() -> ask(ofRound), ASK_AGAIN.toMillis() * (blind ? asks : 1), TimeUnit.MILLISECONDS);
    }

    private void answer(SnapshotRequest request) {
        for (String pbx : links.all()) {
            if (links.owns(pbx) && (request.pbxes().isEmpty() || request.pbxes().contains(pbx))) {
                send(pbx, request.from());
            }
        }
    }

    /** This node's tracker has the PBX's whole state again (it took the link, or logged in again). */
    private void listed(String pbx) {
        if (!links.owns(pbx)) {
            return;
        }
        List<LinkSnapshot> parts = send(pbx, null);
        // this node's own read models may still hold what the link's previous owner said
        merge(pbx, parts);
    }

    private List<LinkSnapshot> send(String pbx, String to) {
        List<LinkSnapshot> parts = LinkSnapshot.of(own, pbx, node, to);
        parts.forEach(part -> bus.publish(SNAPSHOTS, part));
        metrics.sent();
        return parts;
    }

    /** A part of a snapshot, on the bus's thread: merged once all its parts are in. */
    private void received(LinkSnapshot part) {
        if ((part.to() != null && !node.equals(part.to())) || links.owns(part.pbx())) {
            return;
        }
        gathering.add(part).ifPresent(whole -> {
            merge(part.pbx(), whole);
            if (awaited.remove(part.pbx()) && awaited.isEmpty()) {
                metrics.synced(Duration.ofNanos(System.nanoTime() - askedAt));
            }
        });
    }

    private void merge(String pbx, List<LinkSnapshot> parts) {
        List<CallEvent> changes =
                SnapshotMerge.corrections(view, pbx, parts.get(0).asOf(), parts);
        changes.forEach(events::publishRelayed);
        metrics.merged(changes.size());
        if (!changes.isEmpty()) {
            log.info("PBX '{}': {} agent and queue states brought up to date from its owner", pbx, changes.size());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("Closing a live state subscription failed", e);
            }
        }
    }
}
