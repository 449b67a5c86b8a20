package io.switchboard.screenpop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.contact.CallerContext;
import io.switchboard.contact.CallerContexts;
import io.switchboard.contact.NoMatchReason;
import io.switchboard.desktop.Desktops;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.TeamScopes;
import io.switchboard.directory.Viewer;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.edge.EdgeMessage;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pops the caller's record on the ringing agent's desktops, withdraws it from agents who did not take the call, and
 * keeps it for the agent on the call until it ends (a desktop reconnecting meanwhile gets it again).
 *
 * <p>The work runs on a few threads of its own, never on the thread that publishes the call events (the bus calls
 * its {@link #handlers} on the call tracker's thread, and they only queue the event): a call's events are handled
 * one after the other in the order they came (a pop is out before its withdrawal), while the pops of different
 * calls are built side by side, so one slow lookup delays only its own call.
 */
final class ScreenPopService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScreenPopService.class);

    private final CallerContexts contexts;
    private final AgentDirectory directory;
    private final TeamScopes scopes;
    private final Desktops edge;
    /** Who holds a pop of which call: the users to release it for when the call ends. Changed in call order. */
    private final Map<String, Set<String>> popsByCall = new ConcurrentHashMap<>();
    /** Per call with work still queued or running, its last step: the next event of the call runs after it. */
    private final Map<String, CompletableFuture<Void>> lastSteps = new ConcurrentHashMap<>();

    private final ThreadPoolExecutor workers;

    private final Counter pops;
    private final Counter unknownAgents;
    private final Counter failures;

    ScreenPopService(
            CallerContexts contexts,
            AgentDirectory directory,
            TeamScopes scopes,
            Desktops edge,
            MeterRegistry registry,
            int threads) {
        this.contexts = contexts;
        this.directory = directory;
        this.scopes = scopes;
        this.edge = edge;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "screen-pop-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        Gauge.builder(
                        "switchboard.screenpop.queued",
                        workers,
                        pool -> pool.getQueue().size())
                .description("Call events waiting for a pop thread (pops, withdrawals, call updates)")
                .register(registry);
        this.pops = Counter.builder("switchboard.screenpop.pops")
                .description("Screen pops sent to ringing agents")
                .register(registry);
        this.unknownAgents = Counter.builder("switchboard.screenpop.unknown.agents")
                .description("Ringing extensions that belong to no user, so nobody got a pop")
                .register(registry);
        this.failures = Counter.builder("switchboard.screenpop.failures")
                .description("Pops that could not be built (logged)")
                .register(registry);
    }

    /**
     * What the service takes from the bus, on the tracker's thread: each event is only queued, in its call's order,
     * for a pop thread.
     */
    CallEventHandlers handlers() {
        return CallEventHandlers.none()
                .on(AgentRinging.class, ringing -> inCallOrder(ringing.callId(), ringing, () -> pop(ringing)))
                .on(AgentRingStopped.class, stopped -> inCallOrder(stopped.callId(), stopped, () -> withdraw(stopped)))
                .on(CallAnswered.class, answered -> inCallOrder(answered.callId(), answered, () -> answered(answered)))
                .on(CallEnded.class, ended -> inCallOrder(ended.callId(), ended, () -> ended(ended)));
    }

    /** Runs {@code step} on a pop thread once the call's earlier steps are done. */
    private void inCallOrder(String callId, CallEvent event, Runnable step) {
        Runnable guarded = () -> handle(event, step);
        CompletableFuture<Void> next;
        try {
            next = lastSteps.compute(
                    callId,
                    (id, last) -> last == null
                            ? CompletableFuture.runAsync(guarded, workers)
                            : last.thenRunAsync(guarded, workers));
        } catch (RejectedExecutionException e) {
            log.debug("Closed: {} is not handled", event);
            return;
        }
        next.whenComplete((done, error) -> lastSteps.remove(callId, next));
    }

    // Never throws: a failed step would skip the call's later steps.
    private void handle(CallEvent event, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.increment();
            log.error("Screen pop failed on {}", event, e);
        }
    }

    private void pop(AgentRinging ringing) {
        Optional<DirectoryUser> agent = directory.userOf(ringing.agent());
        if (agent.isEmpty()) {
            log.debug("Extension {} rings for call {} but belongs to no user", ringing.agent(), ringing.callId());
            unknownAgents.increment();
            return;
        }
        DirectoryUser user = agent.get();
        String customer = ringing.caller().number();
        // a supervisor taking a call sees the contacts of every team they supervise, as on their pages
        CallerContext context = contexts.contextFor(customer, scopes.viewer(user));
        ScreenPop pop = new ScreenPop(
                ringing.callId(),
                ringing.at(),
                ringing.direction(),
                customer,
                ringing.caller().name(),
                ringing.callee(),
                ringing.queue(),
                ringing.waitSeconds(),
                context,
                context.match().reason() == NoMatchReason.NOT_FOUND
                        ? new ScreenPop.NewContactOffer(ringing.caller().name(), customer)
                        : null);
        int desktops = edge.retain(
                user.username(),
                ringing.callId(),
                EdgeMessage.essential(EdgeMessage.SCREEN_POP, pop).withOrigin(ringing.at()));
        log.debug("Pop of call {} for {} sent to {} desktop(s)", ringing.callId(), user.username(), desktops);
        popsByCall
                .computeIfAbsent(ringing.callId(), id -> ConcurrentHashMap.newKeySet())
                .add(user.username());
        pops.increment();
    }

    private void withdraw(AgentRingStopped stopped) {
        directory.userOf(stopped.agent()).ifPresent(user -> {
            Set<String> holders = popsByCall.get(stopped.callId());
            if (holders != null) {
                holders.remove(user.username());
            }
            edge.release(user.username(), stopped.callId());
            edge.sendToUser(
                    user.username(),
                    EdgeMessage.essential(
                            EdgeMessage.POP_WITHDRAWN,
                            new PopWithdrawn(stopped.callId(), stopped.reason().name())));
        });
    }

    private void answered(CallAnswered answered) {
        directory
                .userOf(answered.agent())
                .ifPresent(user -> edge.sendToUser(
                        user.username(),
                        EdgeMessage.replaceable(
                                EdgeMessage.CALL_UPDATE,
                                answered.callId(),
                                new CallUpdate(answered.callId(), "TALKING", answered.agent(), null))));
    }

    private void ended(CallEnded ended) {
        Set<String> holders = popsByCall.remove(ended.callId());
        if (holders == null) {
            return;
        }
        CallUpdate update = new CallUpdate(
                ended.callId(), "ENDED", ended.finalAgent(), ended.outcome().name());
        for (String username : holders) {
            edge.release(username, ended.callId());
            edge.sendToUser(username, EdgeMessage.replaceable(EdgeMessage.CALL_UPDATE, ended.callId(), update));
        }
    }

    /** Tells a desktop to take a pop down: the call was answered elsewhere, the caller left, or nobody answered. */
    record PopWithdrawn(String callId, String reason) {}

    /** A call's state changed for an agent who has its pop. */
    record CallUpdate(String callId, String state, String agent, String outcome) {}

    /**
     * Builds one pop for a caller nobody has, after the pop's queries ran {@code rounds} times, without sending it: the
     * first pops after a start then find the classes loaded, the connections open and the code compiled.
     */
    void warmUp(Viewer viewer, int rounds) {
        long started = System.nanoTime();
        directory.loadEverybody();
        contexts.warmUp(viewer, rounds);
        CallerContext context = contexts.contextFor(WARM_UP_CALLER, viewer);
        EdgeMessage.essential(
                EdgeMessage.SCREEN_POP,
                new ScreenPop(
                        "warm-up",
                        Instant.now(),
                        CallDirection.INBOUND,
                        WARM_UP_CALLER,
                        null,
                        null,
                        null,
                        0,
                        context,
                        new ScreenPop.NewContactOffer(null, WARM_UP_CALLER)));
        log.info("Screen pops warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Runs {@link #warmUp} on a pop thread, so that the application does not wait for it. */
    void warmUpLater(Viewer viewer, int rounds) {
        workers.execute(() -> {
            try {
                warmUp(viewer, rounds);
            } catch (RuntimeException e) {
                log.warn("Warming the screen pops up failed; the first pops may be slow", e);
            }
        });
    }

    /** A number in the reserved drama range (Ofcom's 01632 960xxx): no real caller has it. */
    private static final String WARM_UP_CALLER = "+441632960001";

    /** Pops still held, for tests and the gauge. */
    int callsWithPops() {
        return popsByCall.size();
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
