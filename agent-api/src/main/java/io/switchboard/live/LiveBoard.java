package io.switchboard.live;

import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEvent.CallTransferred;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.call.CallEventHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What is happening now: calls in progress, queues and agent states, folded from the call events on one bus thread
 * and read by any thread (the REST API, the CTI edge). Readers get immutable snapshots.
 */
public final class LiveBoard {

    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    private final Map<String, LiveQueue> queues = new ConcurrentHashMap<>();
    private final Map<AgentInQueue, LiveAgent> agents = new ConcurrentHashMap<>();
    /** The queues each agent is a member of, so that a call's end touches that agent's entries only. */
    private final Map<String, Set<String>> queuesOf = new ConcurrentHashMap<>();
    /**
     * Per agent and queue: when the agent's wrap-up after their last call ends in that queue, on this board's clock
     * (the PBX's timestamps say how long is left; this machine's clock says when that is, so a PBX clock that is off,
     * or the simulator's faster one, does not stretch or cut the wrap-up).
     */
    private final Map<AgentInQueue, Instant> wrapUpUntil = new ConcurrentHashMap<>();

    private final Clock clock;
    private final Function<String, Duration> wrapUpOf;
    /** What the board folds, one handler per event type; the bus gives it nothing else. */
    private final CallEventHandlers handlers = CallEventHandlers.none()
            .on(CallStarted.class, this::started)
            .on(CallQueued.class, this::queued)
            .on(AgentRinging.class, this::ringing)
            .on(AgentRingStopped.class, this::ringStopped)
            .on(CallAnswered.class, this::answered)
            .on(CallTransferred.class, this::transferred)
            .on(CallEnded.class, this::ended)
            .on(QueueChanged.class, this::queueChanged)
            .on(AgentStateChanged.class, this::apply);

    private record AgentInQueue(String extension, String queue) {}

    /**
     * @param wrapUp how long after a call the queue leaves an agent alone (Asterisk's {@code wrapuptime}); zero for
     *     none
     */
    public LiveBoard(Clock clock, Duration wrapUp) {
        this(clock, queue -> wrapUp);
    }

    /**
     * @param wrapUpOf each queue's wrap-up time, asked at the end of each call (so a changed setting applies to the
     *     next call without a restart); zero for none
     */
    public LiveBoard(Clock clock, Function<String, Duration> wrapUpOf) {
        this.clock = clock;
        this.wrapUpOf = wrapUpOf;
    }

    public CallEventHandlers handlers() {
        return handlers;
    }

    private void started(CallStarted started) {
        calls.put(
                started.callId(),
                new LiveCall(
                        started.callId(),
                        started.direction(),
                        started.caller().number(),
                        started.caller().name(),
                        started.callee(),
                        null,
                        LiveCallState.STARTED,
                        Set.of(),
                        null,
                        started.at(),
                        null));
    }

    private void queued(CallQueued queued) {
        update(queued.callId(), call -> call.with(LiveCallState.QUEUED, call.ringing(), null, queued.queue(), null));
    }

    private void ringing(AgentRinging ringing) {
        update(ringing.callId(), call -> {
            Set<String> now = new HashSet<>(call.ringing());
            now.add(ringing.agent());
            String queue = ringing.queue() != null ? ringing.queue() : call.queue();
            return call.with(stateWhileRinging(call), now, call.agent(), queue, call.answeredAt());
        });
    }

    private void ringStopped(AgentRingStopped stopped) {
        update(stopped.callId(), call -> {
            Set<String> now = new HashSet<>(call.ringing());
            now.remove(stopped.agent());
            LiveCallState state = call.state() == LiveCallState.RINGING && now.isEmpty()
                    ? (call.queue() != null ? LiveCallState.QUEUED : LiveCallState.STARTED)
                    : call.state();
            return call.with(state, now, call.agent(), call.queue(), call.answeredAt());
        });
    }

    private void answered(CallAnswered answered) {
        update(
                answered.callId(),
                call -> call.with(
                        LiveCallState.TALKING,
                        Set.of(),
                        answered.agent(),
                        answered.queue() != null ? answered.queue() : call.queue(),
                        answered.at()));
    }

    private void transferred(CallTransferred transferred) {
        update(
                transferred.callId(),
                call -> call.with(call.state(), call.ringing(), transferred.target(), call.queue(), call.answeredAt()));
    }

    private void ended(CallEnded ended) {
        calls.remove(ended.callId());
        startWrapUp(ended);
    }

    private void queueChanged(QueueChanged changed) {
        queues.put(
                changed.queue(),
                new LiveQueue(changed.queue(), changed.waiting(), changed.longestWaitingSince(), changed.at()));
    }

    private static LiveCallState stateWhileRinging(LiveCall call) {
        return call.state() == LiveCallState.TALKING ? LiveCallState.TALKING : LiveCallState.RINGING;
    }

    private void apply(AgentStateChanged state) {
        AgentInQueue key = new AgentInQueue(state.agent(), state.queue());
        queuesOf.computeIfAbsent(state.agent(), agent -> ConcurrentHashMap.newKeySet())
                .add(state.queue());
        Instant wrapEnd = wrapUpFromLastCall(key, state);
        AgentStatus status = state.state() == AgentState.READY && wrapEnd != null && wrapEnd.isAfter(clock.instant())
                ? AgentStatus.WRAP_UP
                : AgentStatus.of(state.state());
        agents.compute(
                key,
                (k, before) -> before != null && before.state() == status
                        ? new LiveAgent(k.extension(), k.queue(), status, state.pausedReason(), before.since())
                        : new LiveAgent(k.extension(), k.queue(), status, state.pausedReason(), state.at()));
    }

    /**
     * When the agent's wrap-up in this queue ends. The PBX reports a member free as soon as its call ends, before the
     * call's end reaches the board (a moment later, or much later behind a busy board), and says with it when that
     * last call ended ({@code LastCall}): the wrap-up starts from there, as the PBX's own (it rings the member again
     * once {@code wrapuptime} has passed since {@code LastCall}). Without it the call's end starts the wrap-up.
     */
    private Instant wrapUpFromLastCall(AgentInQueue key, AgentStateChanged state) {
        if (state.state() == AgentState.READY && state.lastCall() != null) {
            Duration wrapUp = wrapUpOf.apply(state.queue());
            Duration left = Duration.between(state.at(), state.lastCall().plus(wrapUp));
            if (!wrapUp.isZero() && left.compareTo(Duration.ZERO) > 0) {
                Instant end = clock.instant().plus(left);
                return wrapUpUntil.merge(key, end, (known, from) -> known.isAfter(from) ? known : from);
            }
        }
        return wrapUpUntil.get(key);
    }

    /** The agent who was on the call goes into wrap-up in the queues where the PBX already reports them free. */
    private void startWrapUp(CallEnded ended) {
        String agent = ended.finalAgent() != null ? ended.finalAgent() : ended.answeredBy();
        if (agent == null) {
            return;
        }
        for (String queue : queuesOf.getOrDefault(agent, Set.of())) {
            Duration wrapUp = wrapUpOf.apply(queue);
            if (wrapUp.isZero()) {
                continue;
            }
            wrapUpUntil.put(new AgentInQueue(agent, queue), clock.instant().plus(wrapUp));
            agents.computeIfPresent(
                    new AgentInQueue(agent, queue),
                    (key, live) -> live.state() == AgentStatus.READY
                            ? new LiveAgent(key.extension(), key.queue(), AgentStatus.WRAP_UP, null, ended.at())
                            : live);
        }
    }

    /** A wrap-up that is over reads as ready, from the moment it ended. */
    private LiveAgent current(LiveAgent agent, Instant now) {
        if (agent.state() != AgentStatus.WRAP_UP) {
            return agent;
        }
        Instant end = wrapUpUntil.get(new AgentInQueue(agent.extension(), agent.queue()));
        return end == null || !end.isAfter(now)
                ? new LiveAgent(agent.extension(), agent.queue(), AgentStatus.READY, null, end == null ? now : end)
                : agent;
    }

    private void update(String callId, java.util.function.UnaryOperator<LiveCall> change) {
        calls.computeIfPresent(callId, (id, call) -> change.apply(call));
    }

    /** Calls in progress, oldest first. */
    public List<LiveCall> calls() {
        return calls.values().stream()
                .sorted(Comparator.comparing(LiveCall::startedAt))
                .toList();
    }

    public Optional<LiveCall> call(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** Queues by name. */
    public List<LiveQueue> queues() {
        return queues.values().stream()
                .sorted(Comparator.comparing(LiveQueue::name))
                .toList();
    }

    /** Agents of queues (including those who logged out, with the time since), by extension then queue. */
    public List<LiveAgent> agents() {
        Instant now = clock.instant();
        return agents.values().stream()
                .map(agent -> current(agent, now))
                .sorted(Comparator.comparing(LiveAgent::extension).thenComparing(LiveAgent::queue))
                .toList();
    }
}
