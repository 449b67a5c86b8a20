package io.switchboard.campaign.dialer;

import io.switchboard.campaign.AttemptId;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.pacing.Pacer;
import io.switchboard.directory.UserId;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.CallTagged;
import io.switchboard.gateway.call.CallEvent.OriginateFailed;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.Pbxes.Trunk;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dials running campaigns. Every {@code tick} the node holding the dialer lease ({@link DialerLeadership}) paces each
 * running campaign ({@link PacingRound}): the pacer says how many calls to place, that many leads are claimed (which
 * marks them as dialling, so no lead is dialled twice at once, here or on another node) and dialled customer first
 * ({@link AttemptPlacer}). Call events come back through the call event bus and are followed per attempt
 * ({@link AttemptEvents}); the call's end decides the attempt's outcome ({@link AttemptEnder}), which the lead queue
 * turns into a retry, a callback or a finished lead ({@link OutcomeRecorder}).
 *
 * <p>One thread does all of it (pacing rounds and call events), so the bookkeeping needs no locks; the event bus
 * only hands events over.
 */
public final class CampaignDialer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CampaignDialer.class);
    /** Answered calls nobody disposed are closed twice a minute, not every round: it is no hurry. */
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

    private final DialerPorts ports;
    private final DialerProperties properties;
    private final DialerNode node;
    private final ScheduledExecutorService thread;
    private final DialerLeadership leadership;
    private final OutcomeRecorder recorder;
    private final CampaignPaces paces;
    private final AttemptEnder ender;
    private final AttemptPlacer placer;
    private final PacingRound pacing;
    private final AttemptsElsewhere elsewhere;
    private final PreviewDials previews;
    private final CallEventHandlers handlers;
    private final AttemptCalls attemptCalls;
    private final GiveBacks giveBacks;

    /** Rounds finished, so a test can wait for a round that saw its clock instead of sleeping. */
    private final AtomicLong rounds = new AtomicLong();

    private Instant lastSweep = Instant.EPOCH;
    /** Set when the node stops: no more leads are claimed, the dials sent are waited for. */
    private volatile boolean stopping;

    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param amdVariable the channel variable answering-machine detection sets: the call tracker's {@code amd-variable} */
    public CampaignDialer(DialerPorts ports, DialerProperties properties, String amdVariable, DialerNode node) {
        this.ports = ports;
        this.properties = properties;
        this.node = node;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread dialer = new Thread(task, "campaign-dialer");
            dialer.setDaemon(true);
            return dialer;
        });
        this.leadership =
                new DialerLeadership(ports.lease(), node.name(), properties.lease(), this::takeOver, node.registry());
        InFlightAttempts inFlight = new InFlightAttempts();
        QueueMembers members = new QueueMembers();
        this.elsewhere = new AttemptsElsewhere(ports.open(), inFlight, properties.lostAfter());
        this.recorder = new OutcomeRecorder(ports.leads(), node.registry());
        this.paces = new CampaignPaces(ports.reports(), node.zone(), node.registry());
        this.ender = new AttemptEnder(inFlight, paces, recorder);
        this.giveBacks = new GiveBacks(ports.leads(), ports.open(), inFlight, properties.confirmWithin());
        this.placer = new AttemptPlacer(
                ports.pbxes(), properties, inFlight, ports.open(), ender, giveBacks, node.clock(), thread);
        this.pacing = new PacingRound(ports.leads(), ports.open(), new Pacer(), members, inFlight, paces, placer);
        this.previews = new PreviewDials(ports.open(), new PbxChoice(members, inFlight), placer);
        this.attemptCalls = new AttemptCalls(ports.open(), ports.leads(), amdVariable, properties.lostAfter());
        AttemptEvents events = new AttemptEvents(members, inFlight, paces, ender, amdVariable, properties.wrapUp());
        this.handlers = CallEventHandlers.none()
                .on(AgentStateChanged.class, onDialerThread(events::agentStateChanged))
                .on(CallTagged.class, onDialerThread(events::tagged))
                .on(CallQueued.class, onDialerThread(events::queued))
                .on(CallAnswered.class, onDialerThread(events::answered))
                .on(OriginateFailed.class, onDialerThread(events::originateFailed))
                .on(CallEnded.class, onDialerThread(events::ended));
    }

    /**
     * What the dialer takes from the call event bus, from every node's PBX links (it may dial through a PBX another
     * node owns): each event is handed over to the dialer's thread.
     */
    public CallEventHandlers handlers() {
        return handlers;
    }

    /**
     * What ends attempts from the calls of this node's own PBX links, whichever node placed them (and wherever the
     * dialer is now): to subscribe once per call, on a worker of its own.
     */
    public CallEventHandlers attemptEnds() {
        return attemptCalls.handlers();
    }

    private <E extends CallEvent> Consumer<E> onDialerThread(Consumer<E> handler) {
        return event -> {
            try {
                thread.execute(() -> handle(handler, event));
            } catch (RejectedExecutionException stopped) {
                // The dialer is shutting down: nothing left to follow.
            }
        };
    }

    public void start() {
        long every = properties.tick().toMillis();
        thread.scheduleWithFixedDelay(this::round, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops dialling and hands over cleanly: no more leads are claimed, the answers to the dials already sent are
     * waited for (at most {@code confirm-within}) and noted, and the lease is released so another node dials at once.
     * Runs before the node's PBX links and relay close ({@link DialerConfiguration}), so those dials are answered.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopping = true;
        if (thread.isShutdown()) {
            leadership.release();
            return; // halted: nothing runs to take the answers
        }
        long deadline = System.nanoTime() + properties.confirmWithin().toNanos();
        try {
            while (placer.awaitingAnswers() > 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            // the answers handed over are queued on the dialer thread: they run before this
            thread.submit(() -> {}).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.warn("Dialer stopped before every dial it sent was answered: {}", e.toString());
        }
        thread.shutdownNow();
        leadership.release();
    }

    /** Stops at once and keeps the lease, as a node that dies would (failover tests). */
    void halt() {
        thread.shutdownNow();
    }

    /** How many rounds this node has finished (failed ones included). */
    long rounds() {
        return rounds.get();
    }

    /** Whether this node dials now. */
    public boolean dialing() {
        return leadership.leader();
    }

    /** The dialer's view of a campaign as of its last pacing round on this node. */
    public Optional<DialerView> view(CampaignId campaignId) {
        return paces.view(campaignId);
    }

    /**
     * Preview mode: the agent has looked at the lead (taken through any node) and dials it from their own phone
     * (agent first), through their phone's PBX ({@link PreviewDials}). The attempt is marked as dialled in the
     * database first, so it is dialled once whichever nodes the agent's requests reach; its outcome is followed like
     * any other attempt's.
     *
     * @param agentPbx the PBX of the agent's phone
     * @param agentExtension the agent's extension on that PBX
     * @return completed with the originate's action id; empty when the agent has no such previewed lead (not
     *     theirs, dialled already, or ended); failed with the PBX's refusal, when its trunk has no room, or when the
     *     campaign does not dial through it
     */
    public CompletableFuture<Optional<String>> dialPreview(
            Campaign campaign, AttemptId attemptId, UserId agent, String agentPbx, String agentExtension) {
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                Instant now = node.clock().instant();
                previews.dial(campaign, attemptId, agent, agentPbx, agentExtension, now, trunkRoom(now), result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Each PBX's room this round: its trunk limit less the calls open there, all nodes' and campaigns' together. */
    private TrunkRoom trunkRoom(Instant now) {
        return TrunkRoom.of(trunks(), ports.open().callsInFlightByPbx(now.minus(properties.lostAfter())));
    }

    /**
     * The PBXes' trunks; none on a node that has no PBX at all (its AMI off): it then dials nothing, but its rounds go
     * on, so preview offers, the pacing view and campaign progress still come from it while it holds the lease.
     */
    private List<Trunk> trunks() {
        try {
            return ports.pbxes().get().trunks();
        } catch (PbxCommandException e) {
            return List.of();
        }
    }

    private <E extends CallEvent> void handle(Consumer<E> handler, E event) {
        try {
            handler.accept(event);
        } catch (RuntimeException e) {
            log.warn("Dialer could not handle {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    private void round() {
        if (stopping) {
            return;
        }
        try {
            Instant now = node.clock().instant();
            boolean leader = leadership.hold();
            recorder.retryUnrecorded();
            ender.endLost(now, properties.lostAfter());
            elsewhere.pruneEnded(now);
            giveBacks.resolveUnconfirmed(now);
            if (!leader) {
                paces.hideAll();
                return;
            }
            List<Campaign> running = ports.campaigns().running();
            if (!running.isEmpty()) {
                TrunkRoom room = trunkRoom(now);
                for (Campaign campaign : running) {
                    pacing.pace(campaign, now, room);
                }
            }
            sweepUndisposed(now);
        } catch (RuntimeException e) {
            // A database restart or a PBX outage must not stop the dialer: the next round tries again.
            log.warn("Dialer round failed: {}", e.toString());
        } finally {
            rounds.incrementAndGet();
        }
    }

    /**
     * This node now dials: leads the stopped dialer claimed and never dialled are given back at once, its dials still
     * open are followed here (those the PBX never answered are given back unless their call shows up within {@code
     * confirm-within}), and leads a dead dialer left too long are released.
     */
    private void takeOver() {
        ports.leads().releaseStale(properties.lostAfter());
        giveBacks.unplaced();
        elsewhere.adopt(node.clock().instant());
    }

    private void sweepUndisposed(Instant now) {
        if (Duration.between(lastSweep, now).compareTo(SWEEP_EVERY) < 0) {
            return;
        }
        lastSweep = now;
        // attempts a node left open (it stopped between claiming and dialling, or lost the calls' events) are
        // given back, as at a takeover: not only the first holder of the lease after a crash cleans up
        int released = ports.leads().releaseStale(properties.lostAfter());
        if (released > 0) {
            log.info("Gave back {} leads whose attempt had no end after {}", released, properties.lostAfter());
        }
        int closed = ports.leads().closeUndisposed(properties.dispositionTimeout());
        if (closed > 0) {
            log.info(
                    "Closed {} answered campaign calls nobody disposed within {}",
                    closed,
                    properties.dispositionTimeout());
        }
    }
}
