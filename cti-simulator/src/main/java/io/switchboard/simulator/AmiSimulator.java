package io.switchboard.simulator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that speaks the Asterisk Manager Interface like Asterisk 22, so that Asterisk-Java connects, logs
 * in and receives events as from a real Asterisk. It plays scripted calls ({@link #run(Scenario)}), recorded
 * traces ({@link #replay(InputStream)}) and load ({@link #startLoad(LoadProfile)}), and can misbehave on purpose
 * ({@link #dropConnections()}, {@link #sendRaw(byte[])}).
 *
 * <p>Threads: one Netty acceptor, one Netty I/O thread for all sessions, and one PBX thread that owns every
 * piece of simulated state; nothing blocks an event loop.
 */
public final class AmiSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiSimulator.class);

    private final SimulatorSettings settings;
    private final MeterRegistry meterRegistry;
    private final SessionRegistry sessions;
    private final UnauthenticatedSessions unauthenticated;
    private final SimulatedPbx pbx;
    private final ScenarioRunner scenarios;
    private final LoadGenerator load;
    private EventLoopGroup acceptor;
    private EventLoopGroup io;
    private Channel serverChannel;
    private volatile int port = -1;
    private boolean closed;

    public AmiSimulator(SimulatorSettings settings) {
        this(settings, new SimpleMeterRegistry());
    }

    public AmiSimulator(SimulatorSettings settings, MeterRegistry meterRegistry) {
        this(settings, meterRegistry, AuthLimits.ASTERISK_DEFAULTS);
    }

    /** A simulator that drops connections that do not log in as {@code authLimits} says (Asterisk's defaults else). */
    public AmiSimulator(SimulatorSettings settings, MeterRegistry meterRegistry, AuthLimits authLimits) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        this.unauthenticated =
                new UnauthenticatedSessions(Objects.requireNonNull(authLimits, "authLimits"), meterRegistry);
        this.sessions = new SessionRegistry(settings.slowClients());
        this.pbx = new SimulatedPbx(settings, sessions);
        this.scenarios = new ScenarioRunner(pbx);
        this.load = new LoadGenerator(pbx, sessions);
    }

    /** Binds and starts accepting manager sessions; returns the bound port. */
    public synchronized int start() {
        if (closed) {
            throw new IllegalStateException("The simulator is closed");
        }
        if (serverChannel != null) {
            return port;
        }
        acceptor = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("ami-sim-accept", true), NioIoHandler.newFactory());
        io = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("ami-sim-io", true), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(
                        ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 * 1024, 2 * 1024 * 1024))
                .childHandler(new SimulatorChannelInitializer(
                        new SessionLifecycleHandler(sessions, unauthenticated),
                        new MalformedFrameHandler(meterRegistry),
                        new ActionDispatcher(actionHandlers())));
        serverChannel = bootstrap
                .bind(new InetSocketAddress(settings.bindHost(), settings.port()))
                .syncUninterruptibly()
                .channel();
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        log.info("AMI simulator listening on {}:{} (time scale {})", settings.bindHost(), port, settings.timeScale());
        return port;
    }

    private Map<String, ActionHandler> actionHandlers() {
        Map<String, ActionHandler> handlers = new HashMap<>();
        new LoginActions(settings, sessions, pbx, unauthenticated).register(handlers);
        new SessionActions(sessions, pbx.clock()).register(handlers);
        new ChannelActions(pbx).register(handlers);
        new QueueActions(pbx).register(handlers);
        new InspectionActions(pbx, handlers).register();
        return handlers;
    }

    /** The bound port; -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    /** Plays a scenario; the future completes when the call's last channel has hung up. */
    public CompletableFuture<SimulatedCall> run(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        return pbx.call(() -> scenarios.run(scenario)).thenCompose(call -> call);
    }

    /** Streams a recorded trace's events with their recorded timestamps; blocks until all are written. */
    public void replay(InputStream trace) {
        new TraceReplayer(pbx).replay(trace, false);
    }

    /** As {@link #replay(InputStream)}, moving the timestamps so that the first event happens now. */
    public void replayShifted(InputStream trace) {
        new TraceReplayer(pbx).replay(trace, true);
    }

    public void startLoad(LoadProfile profile) {
        Objects.requireNonNull(profile, "profile");
        pbx.execute(() -> load.start(profile));
    }

    /**
     * As {@link #startLoad(LoadProfile)}, with arrivals paced by this clock (microseconds) instead of the real one, so
     * a test counts calls exactly; returns once the load has started and read the clock.
     */
    void startLoad(LoadProfile profile, LongSupplier realMicros) {
        pbx.call(() -> {
                    load.useRealTime(realMicros);
                    load.start(profile);
                    return null;
                })
                .join();
    }

    /** Stops starting calls; calls in progress play to their end. */
    public void stopLoad() {
        pbx.call(() -> {
                    load.stop();
                    return null;
                })
                .join();
    }

    public SimulatorStats stats() {
        return new SimulatorStats(
                sessions.sessionCount(),
                pbx.callsStarted(),
                pbx.callsEnded(),
                pbx.eventsSent(),
                pbx.liveChannelCount(),
                sessions.droppedSlow());
    }

    /** Connections that have not logged in yet. */
    public int unauthenticatedSessions() {
        return unauthenticated.waiting();
    }

    /** Connections closed at once because {@code authlimit} others had not logged in. */
    public long refusedOverAuthLimit() {
        return unauthenticated.refused();
    }

    /** Connections closed because they had not logged in within {@code authtimeout}. */
    public long authTimeouts() {
        return unauthenticated.timedOut();
    }

    public int liveCalls() {
        return pbx.liveCalls();
    }

    /** The registry holding {@code switchboard.simulator.*} meters. */
    public MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /** Closes every client socket abruptly, as a crashing Asterisk would. The server keeps listening. */
    public void dropConnections() {
        sessions.dropAll();
    }

    /** Writes raw bytes to every logged-in session (fault injection: oversize lines, garbage, no colon). */
    public void sendRaw(byte[] bytes) {
        sessions.sendRaw(bytes.clone(), false);
    }

    /** Writes raw bytes to every logged-in session and closes it, e.g. in the middle of a frame. */
    public void sendRawAndClose(byte[] bytes) {
        sessions.sendRaw(bytes.clone(), true);
    }

    /** Stops load, closes every session and the listener. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        sessions.dropAll();
        if (io != null) {
            io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            io = null;
            acceptor = null;
        }
        pbx.shutdown();
    }
}
