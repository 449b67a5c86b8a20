package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.switchboard.gateway.call.CallEventSink;
import io.switchboard.gateway.call.CallHandles;
import io.switchboard.gateway.call.CallTracker;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.LinkOwnership;
import io.switchboard.gateway.call.PbxCallIds;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.worker.BoundedWorker;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * The Asterisk side of the gateway, assembled: manager connection (with reconnect and resync), the bounded event
 * hand-off, the call tracker on its own thread, and the AMI implementation of {@link PbxCommands}.
 */
public final class AmiGateway implements AutoCloseable {

    /** Events the tracker's thread takes off its queue at once. */
    private static final int BATCH = 1024;

    private final EventHandOff handOff;
    private final CallTracker tracker;
    private final BoundedWorker<ManagerEvent> trackerThread;
    private final AmiLink link;
    private final AmiPbxCommands commands;
    private final UnreadEvents unread;
    private final String address;

    /** The single PBX of {@code switchboard.ami}, owned by this node alone (tests, one node without a database). */
    public AmiGateway(
            AmiProperties properties, CallTrackerSettings settings, CallEventSink sink, MeterRegistry registry) {
        this(PbxCallIds.DEFAULT_PBX, LinkOwnership.sole(), properties, settings, sink, registry);
    }

    /**
     * One PBX's link, opened while this node owns it; its calls reach {@code sink} named (PBX, Linkedid) ({@link
     * PbxCallIds}).
     */
    public AmiGateway(
            String pbx,
            LinkOwnership ownership,
            AmiProperties properties,
            CallTrackerSettings settings,
            CallEventSink sink,
            MeterRegistry registry) {
        this.address = properties.host() + ":" + properties.port();
        this.tracker = new CallTracker(
                settings,
                PbxCallIds.forPbx(pbx, sink),
                registry,
                PbxCallIds.DEFAULT_PBX.equals(pbx) ? "ami" : "ami-" + pbx,
                pbx);
        ListingRequests listings = new ListingRequests();
        TrackerFeed feed = new TrackerFeed(new AmiEventTranslator(settings, listings), tracker, registry);
        this.trackerThread = BoundedWorker.<ManagerEvent>named("call-tracker")
                .capacity(properties.handoffCapacity())
                .maxBatch(BATCH)
                .whenFull(EventHandOff.WHEN_FULL)
                .metrics(registry, EventHandOff.METRICS, Tags.of("pbx", pbx))
                .eachTo(feed::apply);
        this.handOff = new EventHandOff(trackerThread, registry);
        MalformedInput malformed = new MalformedInput(registry);
        this.unread = new UnreadEvents(registry);
        this.link = new AmiLink(
                pbx,
                ownership,
                properties,
                handOff,
                p -> new BoundedManagerConnection(p, malformed, unread),
                listings,
                registry);
        this.commands = new AmiPbxCommands(link, properties);
    }

    public AmiGateway start() {
        trackerThread.start();
        link.start();
        return this;
    }

    public LinkStatus linkStatus() {
        return link.status();
    }

    /** The PBX's id in configuration. */
    public String pbx() {
        return link.id();
    }

    /** Where the PBX's manager interface is ({@code host:port}). */
    public String address() {
        return address;
    }

    /** Whether this node owns the link (the one node that logs in to this PBX). */
    public boolean ownsLink() {
        return link.owned();
    }

    /** See {@link AmiLink#releaseKeepingSession}. */
    boolean releaseKeepingSession() {
        return link.releaseKeepingSession();
    }

    public PbxCommands commands() {
        return commands;
    }

    /** Which call each agent is on, for call control. */
    public CallHandles handles() {
        return tracker.handles();
    }

    /** Calls being followed now. */
    public int activeCalls() {
        return tracker.activeCalls();
    }

    /** AMI events the tracker has processed since start. */
    public long processedEvents() {
        return trackerThread.delivered();
    }

    /** AMI events dropped unread at the socket: the call model has no use for them ({@link UnreadEvents}). */
    public long unreadEvents() {
        return unread.total();
    }

    /** AMI events lost because the hand-off queue was full. */
    public long droppedEvents() {
        return handOff.dropped();
    }

    @Override
    public void close() {
        link.close();
        trackerThread.close();
    }
}
