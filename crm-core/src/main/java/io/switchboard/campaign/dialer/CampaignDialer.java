package io.switchboard.campaign.dialer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.campaign.AttemptOutcome;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignProgress;
import io.switchboard.campaign.CampaignReports;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.DialableLead;
import io.switchboard.campaign.DialerLease;
import io.switchboard.campaign.LeadQueue;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.campaign.pacing.Pacer;
import io.switchboard.campaign.pacing.PacingDecision;
import io.switchboard.campaign.pacing.PacingInput;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.CallTagged;
import io.switchboard.gateway.call.CallEvent.OriginateFailed;
import io.switchboard.gateway.call.CallEventListener;
import io.switchboard.gateway.call.DialRequest;
import io.switchboard.gateway.call.PbxCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dials running campaigns. Every {@code tick} the node holding the dialer lease asks the pacer how many calls each
 * campaign should place now, claims that many leads (which marks them as dialling, so no lead is dialled twice at
 * once, here or on another node) and originates them customer first. Call events come back through the call
 * event bus: the {@code SWITCHBOARD_ATTEMPT} channel variable ties the PBX's call to the attempt, answering-machine
 * detection and the campaign queue say whether a person answered, and the call's end decides the attempt's outcome,
 * which the lead queue turns into a retry, a callback or a finished lead.
 *
 * <p>One thread does all of it (pacing rounds and call events), so the bookkeeping needs no locks; the event bus
 * only hands events over.
 */
public final class CampaignDialer implements CallEventListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CampaignDialer.class);
    static final String ATTEMPT_VARIABLE = "SWITCHBOARD_ATTEMPT";

    private final Campaigns campaigns;
    private final LeadQueue leads;
    private final CampaignReports reports;
    private final DialerLease lease;
    private final Supplier<PbxCommands> pbx;
    private final Pacer pacer;
    private final DialerProperties properties;
    /** The channel variable answering-machine detection sets: the call tracker's {@code amd-variable}. */
    private final String amdVariable;

    private final Clock clock;
    private final ZoneId zone;
    private final String node;
    private final MeterRegistry registry;
    private final ScheduledExecutorService thread;

    private final QueueMembers members = new QueueMembers();
    private final InFlightAttempts inFlight = new InFlightAttempts();
    private final Map<Long, CampaignPace> paces = new LinkedHashMap<>();
    private final Map<Long, DialerView> views = new ConcurrentHashMap<>();
    /** Outcomes the database refused (it is restarting, say): recorded again on the next rounds, none lost. */
    private final Deque<EndedAttempt> unrecorded = new ArrayDeque<>();

    private volatile boolean leader;
    /** Rounds finished, so a test can wait for a round that saw its clock instead of sleeping. */
    private final AtomicLong rounds = new AtomicLong();

    private Instant lastSweep = Instant.EPOCH;

    private record EndedAttempt(long attemptId, AttemptOutcome outcome, String callId, String agent, Instant at) {}

    public CampaignDialer(
            Campaigns campaigns,
            LeadQueue leads,
            CampaignReports reports,
            DialerLease lease,
            Supplier<PbxCommands> pbx,
            Pacer pacer,
            DialerProperties properties,
            String amdVariable,
            Clock clock,
            ZoneId zone,
            String node,
            MeterRegistry registry) {
        this.campaigns = campaigns;
        this.leads = leads;
        this.reports = reports;
        this.lease = lease;
        this.pbx = pbx;
        this.pacer = pacer;
        this.properties = properties;
        this.amdVariable = amdVariable;
        this.clock = clock;
        this.zone = zone;
        this.node = node;
        this.registry = registry;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread dialer = new Thread(task, "campaign-dialer");
            dialer.setDaemon(true);
            return dialer;
        });
        Gauge.builder("switchboard.dialer.leader", () -> leader ? 1 : 0)
                .description("1 on the node that holds the dialer lease and dials, 0 elsewhere")
                .register(registry);
    }

    public void start() {
        long every = properties.tick().toMillis();
        thread.scheduleWithFixedDelay(this::round, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        if (leader) {
            try {
                lease.release(node);
            } catch (RuntimeException e) {
                log.debug("Could not release the dialer lease; it expires by itself", e);
            }
        }
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
        return leader;
    }

    /** The dialer's view of a campaign as of its last pacing round on this node. */
    public Optional<DialerView> view(long campaignId) {
        return Optional.ofNullable(views.get(campaignId));
    }

    @Override
    public boolean wants(CallEvent event) {
        return event instanceof AgentStateChanged
                || event instanceof CallTagged
                || event instanceof CallQueued
                || event instanceof CallAnswered
                || event instanceof CallEnded
                || event instanceof OriginateFailed;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        if (wants(event)) {
            try {
                thread.execute(() -> handle(event));
            } catch (RejectedExecutionException stopped) {
                // The dialer is shutting down: nothing left to follow.
            }
        }
    }

    /**
     * Preview mode: the agent has looked at the lead and dials it from their own phone (agent first). The outcome is
     * followed like any other attempt's.
     */
    public CompletableFuture<String> dialPreview(DialableLead lead, String agentExtension, String callerId) {
        CompletableFuture<String> placed = new CompletableFuture<>();
        thread.execute(() -> {
            Attempt attempt = new Attempt(lead, clock.instant(), false);
            inFlight.add(attempt);
            CompletableFuture<String> originated;
            try {
                originated = pbx.get().originate(agentExtension, lead.number(), callerId, variables(lead));
            } catch (RuntimeException e) {
                // no PBX connected: the agent hears of it at once and the attempt ends as failed
                originated = CompletableFuture.failedFuture(e);
            }
            originated.whenComplete((actionId, failure) -> thread.execute(() -> {
                placed(attempt, actionId, failure);
                if (failure != null) {
                    placed.completeExceptionally(failure);
                } else {
                    placed.complete(actionId);
                }
            }));
        });
        return placed;
    }

    private void round() {
        try {
            Instant now = clock.instant();
            holdLease();
            recordUnrecorded();
            endLost(now);
            if (!leader) {
                views.clear();
                return;
            }
            for (Campaign campaign : campaigns.running()) {
                pace(campaign, now);
            }
            sweepUndisposed(now);
        } catch (RuntimeException e) {
            // A database restart or a PBX outage must not stop the dialer: the next round tries again.
            log.warn("Dialer round failed: {}", e.toString());
        } finally {
            rounds.incrementAndGet();
        }
    }

    /** Twice a minute, not every round: closing answered calls nobody disposed is no hurry. */
    private void sweepUndisposed(Instant now) {
        if (Duration.between(lastSweep, now).toSeconds() < 30) {
            return;
        }
        lastSweep = now;
        int closed = leads.closeUndisposed(properties.dispositionTimeout());
        if (closed > 0) {
            log.info(
                    "Closed {} answered campaign calls nobody disposed within {}",
                    closed,
                    properties.dispositionTimeout());
        }
    }

    private void holdLease() {
        boolean holds = leader ? lease.renew(node, properties.lease()) : lease.tryAcquire(node, properties.lease());
        if (holds && !leader) {
            log.info("This node ({}) now dials campaigns", node);
            leads.releaseStale(properties.lostAfter());
        } else if (!holds && leader) {
            log.warn("This node ({}) lost the dialer lease and stops dialling", node);
        }
        leader = holds;
    }

    private void pace(Campaign campaign, Instant now) {
        CampaignPace pace = paceOf(campaign.id(), now);
        QueueMembers.Counts agents = members.of(campaign.settings().queue());
        int ringing = inFlight.ringing(campaign.id());
        PacingDecision decision = pacer.decide(new PacingInput(
                campaign.settings().dialMode(),
                agents.ready(),
                agents.busy(),
                ringing,
                inFlight.waitingForAgent(campaign.id()),
                pace.answeredToday,
                pace.abandonedToday,
                campaign.settings().abandonCap(),
                pace.stats.estimate()));
        pace.lastDecision = decision;
        int placed = 0;
        if (decision.callsToPlace() > 0 && campaign.settings().dialMode() != DialMode.PREVIEW) {
            for (DialableLead lead : leads.claim(campaign.id(), decision.callsToPlace(), now)) {
                place(campaign, lead, now, pace);
                placed++;
            }
        }
        views.put(
                campaign.id(),
                new DialerView(
                        campaign.id(),
                        now,
                        decision,
                        inFlight.inProgress(campaign.id()),
                        ringing + placed,
                        agents.ready(),
                        agents.busy(),
                        agents.paused(),
                        pace.answeredToday,
                        pace.abandonedToday,
                        pace.abandonRate()));
    }

    private CampaignPace paceOf(long campaignId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        CampaignPace pace = paces.get(campaignId);
        if (pace == null) {
            // After a restart or a takeover the day's counts come from the attempts already stored.
            CampaignProgress progress = reports.progress(campaignId, now);
            pace = new CampaignPace(today, progress.answeredToday(), progress.abandonedToday());
            paces.put(campaignId, pace);
            registerGauges(campaignId);
        }
        pace.rollOver(today);
        return pace;
    }

    private void registerGauges(long campaignId) {
        String campaign = Long.toString(campaignId);
        Gauge.builder(
                        "switchboard.campaign.dial.ratio",
                        () -> decisionOf(campaignId)
                                .map(PacingDecision::dialRatio)
                                .orElse(0.0))
                .description("Calls placed per free agent in the last pacing round")
                .tag("campaign", campaign)
                .register(registry);
        Gauge.builder(
                        "switchboard.campaign.abandon.rate",
                        () -> Optional.ofNullable(views.get(campaignId))
                                .map(DialerView::abandonRateToday)
                                .orElse(0.0))
                .description("Abandoned over answered calls today")
                .tag("campaign", campaign)
                .register(registry);
        Gauge.builder(
                        "switchboard.campaign.calls.in.progress",
                        () -> Optional.ofNullable(views.get(campaignId))
                                .map(DialerView::callsInProgress)
                                .orElse(0))
                .tag("campaign", campaign)
                .register(registry);
    }

    private Optional<PacingDecision> decisionOf(long campaignId) {
        return Optional.ofNullable(views.get(campaignId)).map(DialerView::decision);
    }

    private void place(Campaign campaign, DialableLead lead, Instant now, CampaignPace pace) {
        Attempt attempt = new Attempt(lead, now, true);
        inFlight.add(attempt);
        pace.stats.attemptPlaced();
        DialRequest request = new DialRequest(
                lead.number(),
                campaign.settings().callerId(),
                properties.connectContext(),
                campaign.settings().queue(),
                properties.ringTimeout(),
                variables(lead));
        CompletableFuture<String> dialled;
        try {
            dialled = pbx.get().dial(request);
        } catch (RuntimeException e) {
            dialled = CompletableFuture.failedFuture(e);
        }
        dialled.whenComplete((actionId, failure) -> thread.execute(() -> placed(attempt, actionId, failure)));
    }

    private static Map<String, String> variables(DialableLead lead) {
        return Map.of(
                "SWITCHBOARD_CAMPAIGN",
                Long.toString(lead.campaignId()),
                "SWITCHBOARD_LEAD",
                Long.toString(lead.leadId()),
                ATTEMPT_VARIABLE,
                Long.toString(lead.attemptId()));
    }

    private void placed(Attempt attempt, String actionId, Throwable failure) {
        if (failure != null) {
            log.warn("The PBX refused to dial lead {}: {}", attempt.lead.leadId(), failure.getMessage());
            end(attempt, AttemptOutcome.FAILED, null, null, clock.instant());
        } else {
            inFlight.placed(attempt, actionId);
        }
    }

    private void handle(CallEvent event) {
        try {
            if (event instanceof AgentStateChanged change) {
                members.apply(change);
            } else if (event instanceof CallTagged tagged) {
                tagged(tagged);
            } else if (event instanceof CallQueued queued) {
                inFlight.byCall(queued.callId()).ifPresent(attempt -> personAnswered(attempt, queued.at()));
            } else if (event instanceof CallAnswered answered) {
                inFlight.byCall(answered.callId()).ifPresent(attempt -> {
                    personAnswered(attempt, answered.at());
                    attempt.agentAt = answered.at();
                });
            } else if (event instanceof OriginateFailed refused) {
                inFlight.byAction(refused.actionId())
                        .filter(attempt -> attempt.callId == null)
                        .ifPresent(attempt ->
                                end(attempt, AttemptOutcomes.ofRefused(refused.outcome()), null, null, refused.at()));
            } else if (event instanceof CallEnded ended) {
                inFlight.byCall(ended.callId()).ifPresent(attempt -> ended(attempt, ended));
            }
        } catch (RuntimeException e) {
            log.warn("Dialer could not handle {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    private void tagged(CallTagged tagged) {
        if (ATTEMPT_VARIABLE.equals(tagged.name())) {
            try {
                inFlight.bind(Long.parseLong(tagged.value().trim()), tagged.callId());
            } catch (NumberFormatException e) {
                log.warn("Call {} carries a malformed {}: {}", tagged.callId(), ATTEMPT_VARIABLE, tagged.value());
            }
        } else if (amdVariable.equalsIgnoreCase(tagged.name())) {
            inFlight.byCall(tagged.callId()).ifPresent(attempt -> {
                if ("MACHINE".equalsIgnoreCase(tagged.value())) {
                    attempt.machine = true;
                    pace(attempt).ifPresent(pace -> pace.stats.attemptFailed(seconds(attempt.placedAt, tagged.at())));
                } else if ("HUMAN".equalsIgnoreCase(tagged.value())) {
                    personAnswered(attempt, tagged.at());
                }
            });
        }
    }

    private void personAnswered(Attempt attempt, Instant at) {
        if (attempt.humanAt == null && !attempt.machine) {
            attempt.humanAt = at;
            pace(attempt).ifPresent(pace -> pace.stats.attemptAnswered(seconds(attempt.placedAt, at)));
        }
    }

    private void ended(Attempt attempt, CallEnded ended) {
        AttemptOutcome outcome = AttemptOutcomes.of(attempt, ended);
        Optional<CampaignPace> pace = pace(attempt);
        if (attempt.ringing() && outcome != AttemptOutcome.HUMAN_ANSWERED && outcome != AttemptOutcome.ABANDONED) {
            pace.ifPresent(p -> p.stats.attemptFailed(seconds(attempt.placedAt, ended.at())));
        } else if (attempt.humanAt == null
                && (outcome == AttemptOutcome.HUMAN_ANSWERED || outcome == AttemptOutcome.ABANDONED)) {
            personAnswered(attempt, ended.answeredAt() != null ? ended.answeredAt() : ended.at());
        }
        if (outcome == AttemptOutcome.HUMAN_ANSWERED && attempt.predictiveOrProgressive) {
            pace.ifPresent(p ->
                    p.stats.agentFreed(ended.talkSeconds() + properties.wrapUp().toSeconds()));
        }
        String agent = ended.finalAgent() != null ? ended.finalAgent() : ended.answeredBy();
        end(attempt, outcome, ended.callId(), agent, ended.at());
    }

    private Optional<CampaignPace> pace(Attempt attempt) {
        return Optional.ofNullable(paces.get(attempt.campaignId()));
    }

    private void end(Attempt attempt, AttemptOutcome outcome, String callId, String agent, Instant at) {
        inFlight.remove(attempt);
        pace(attempt).ifPresent(pace -> {
            if (outcome == AttemptOutcome.HUMAN_ANSWERED || outcome == AttemptOutcome.ABANDONED) {
                pace.answeredToday++;
            }
            if (outcome == AttemptOutcome.ABANDONED) {
                pace.abandonedToday++;
            }
        });
        Counter.builder("switchboard.dialer.attempts.ended")
                .description("Dial attempts ended, by campaign and outcome")
                .tag("campaign", Long.toString(attempt.campaignId()))
                .tag("outcome", outcome.name())
                .register(registry)
                .increment();
        record(new EndedAttempt(attempt.attemptId(), outcome, callId, agent, at));
    }

    private void record(EndedAttempt ended) {
        try {
            leads.attemptEnded(ended.attemptId(), ended.outcome(), ended.callId(), ended.agent(), ended.at());
        } catch (RuntimeException e) {
            log.warn(
                    "Could not record attempt {} ({}); will retry: {}",
                    ended.attemptId(),
                    ended.outcome(),
                    e.toString());
            unrecorded.addLast(ended);
        }
    }

    private void recordUnrecorded() {
        int pending = unrecorded.size();
        for (int i = 0; i < pending; i++) {
            record(unrecorded.pollFirst());
        }
    }

    /** Attempts whose PBX events were lost (a link outage, a crash of the PBX) end as failed and are retried. */
    private void endLost(Instant now) {
        for (Attempt attempt : inFlight.placedBefore(now.minus(properties.lostAfter()))) {
            log.warn(
                    "Attempt {} had no outcome after {}; ending it as failed",
                    attempt.attemptId(),
                    properties.lostAfter());
            end(attempt, AttemptOutcome.FAILED, attempt.callId, null, now);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }
}
