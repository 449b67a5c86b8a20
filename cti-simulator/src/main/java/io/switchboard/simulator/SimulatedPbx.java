package io.switchboard.simulator;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The simulated Asterisk: live channels, queues and calls, all owned by one PBX thread so that no state is shared
 * between threads. Manager actions and scenarios hand work to that thread with {@link #execute}; events it
 * produces leave through the {@link EventBatch}.
 */
final class SimulatedPbx {

    private final SimulatorSettings settings;
    private final SessionRegistry sessions;
    private final DefaultEventLoop loop = new DefaultEventLoop(new DefaultThreadFactory("ami-sim-pbx", true));
    private final SimClock clock;
    private final IdGenerator ids = new IdGenerator();
    private final EventBatch batch;
    private final EventWriter events;
    private final ChannelEvents channelEvents;
    private final QueueEvents queueEvents;
    private final Map<String, SimChannel> channels = new LinkedHashMap<>();
    private final Map<String, LiveCall> callsByChannel = new HashMap<>();
    private final Map<String, SimQueue> queues = new LinkedHashMap<>();
    private final SyncOriginates syncOriginates = new SyncOriginates();
    private int trunkCalls;
    private volatile int liveChannels;
    private volatile int liveCalls;
    private volatile long callsStarted;
    private volatile long callsEnded;

    SimulatedPbx(SimulatorSettings settings, SessionRegistry sessions) {
        this.settings = settings;
        this.sessions = sessions;
        this.clock = new SimClock(settings.timeScale(), settings.stampsWhenSent());
        this.batch = new EventBatch(sessions, loop, PooledByteBufAllocator.DEFAULT);
        this.events = new EventWriter(batch, clock);
        CelEvents cel = new CelEvents(events, clock, settings.celEvents());
        this.channelEvents = new ChannelEvents(this, events, cel);
        this.queueEvents = new QueueEvents(this, events);
        long loginTime = clock.nowMicros() / 1_000_000;
        for (QueueDefinition definition : settings.allQueues()) {
            SimQueue queue = new SimQueue(definition.name(), definition.strategy());
            definition
                    .memberExtensions()
                    .forEach(ext -> queue.add(SimMember.forAgent(queue.name, ext, false, loginTime)));
            queues.put(queue.name, queue);
        }
    }

    /** Sends the events written so far now (before a direct answer to a session that must follow them). */
    void flushEvents() {
        batch.flush();
    }

    /** Originates whose sessions wait for the call to connect or fail (sent without {@code Async: true}). */
    SyncOriginates syncOriginates() {
        return syncOriginates;
    }

    /** Runs {@code task} on the PBX thread, stamping its events with the current simulated time. */
    void execute(Runnable task) {
        if (loop.isShuttingDown()) {
            throw new IllegalStateException("The simulator is closed");
        }
        loop.execute(() -> {
            clock.beginStep(clock.nowMicros());
            task.run();
        });
    }

    /** Runs {@code task} on the PBX thread and returns its result. */
    <T> CompletableFuture<T> call(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    void shutdown() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    DefaultEventLoop loop() {
        return loop;
    }

    SimulatorSettings settings() {
        return settings;
    }

    SimClock clock() {
        return clock;
    }

    IdGenerator ids() {
        return ids;
    }

    EventWriter events() {
        return events;
    }

    EventBatch batch() {
        return batch;
    }

    ChannelEvents channelEvents() {
        return channelEvents;
    }

    QueueEvents queueEvents() {
        return queueEvents;
    }

    Optional<SimQueue> queue(String name) {
        return Optional.ofNullable(queues.get(name));
    }

    SimQueue addQueue(String name, QueueStrategy strategy) {
        return queues.computeIfAbsent(name, n -> new SimQueue(n, strategy));
    }

    List<SimQueue> queues() {
        return new ArrayList<>(queues.values());
    }

    /**
     * Runs {@code action} once the events produced so far are handed to every session's socket, so a scenario's
     * future completes only after its last event went out. Call on the PBX thread.
     */
    void afterEventsDelivered(Runnable action) {
        loop.execute(() -> {
            batch.flush();
            sessions.afterQueuedWrites(action);
        });
    }

    /** Counts calls on the trunk; true when the count changed between zero and non-zero. */
    boolean trunkCallsChanged(int delta) {
        int before = trunkCalls;
        trunkCalls = Math.max(0, trunkCalls + delta);
        return (before == 0) != (trunkCalls == 0);
    }

    void channelCreated(SimChannel channel) {
        channels.put(channel.name, channel);
        liveChannels = channels.size();
    }

    void channelGone(SimChannel channel) {
        channels.remove(channel.name);
        callsByChannel.remove(channel.name);
        liveChannels = channels.size();
    }

    List<SimChannel> liveChannels() {
        return new ArrayList<>(channels.values());
    }

    int liveChannelCount() {
        return liveChannels;
    }

    /** Makes {@code channel} findable by the Hangup and Redirect actions. */
    void attach(SimChannel channel, LiveCall call) {
        callsByChannel.put(channel.name, call);
    }

    Optional<LiveCall> callOf(String channelName) {
        return Optional.ofNullable(callsByChannel.get(channelName));
    }

    void callStarted() {
        callsStarted++;
        liveCalls++;
    }

    void callEnded() {
        callsEnded++;
        liveCalls--;
    }

    int liveCalls() {
        return liveCalls;
    }

    long callsStarted() {
        return callsStarted;
    }

    long callsEnded() {
        return callsEnded;
    }

    long eventsSent() {
        return batch.eventsSent();
    }
}
