package io.switchboard.screenpop;

import io.switchboard.desktop.Audience;
import io.switchboard.desktop.Desktops;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.TeamScopes;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.edge.EdgeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live state for desktops and wallboards: an agent's state goes to that agent, the supervisors whose scope holds the
 * agent's team (its own supervisors and those assigned to it, {@link TeamScopes}) and admins;
 * queue snapshots go to the people who watch queues (supervisors, campaign managers, admins). Both are replaceable,
 * so a slow desktop gets the latest rather than every step.
 *
 * <p>Queue snapshots are coalesced at the source: a queue changes twice a call, so at 50 calls/s sending each change
 * to every desktop made 100,000 frames a second that delayed the pops behind them. The latest snapshot of each queue
 * goes out at most every {@link #SNAPSHOT_INTERVAL}.
 */
final class DesktopFeed implements AutoCloseable {

    static final Duration SNAPSHOT_INTERVAL = Duration.ofMillis(250);
    private static final Set<String> QUEUE_WATCHERS = Set.of("SUPERVISOR", "CAMPAIGN_MANAGER", "ADMIN");

    private final AgentDirectory directory;
    private final TeamScopes scopes;
    private final Desktops edge;
    private final Map<String, QueueSnapshot> pendingSnapshots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService snapshots = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "desktop-feed-snapshots");
        thread.setDaemon(true);
        return thread;
    });

    DesktopFeed(AgentDirectory directory, TeamScopes scopes, Desktops edge) {
        this.directory = directory;
        this.scopes = scopes;
        this.edge = edge;
        long every = SNAPSHOT_INTERVAL.toMillis();
        snapshots.scheduleAtFixedRate(this::sendSnapshots, every, every, TimeUnit.MILLISECONDS);
    }

    private void sendSnapshots() {
        for (String queue : pendingSnapshots.keySet()) {
            QueueSnapshot snapshot = pendingSnapshots.remove(queue);
            if (snapshot != null) {
                edge.publish(
                        Audience.roles(QUEUE_WATCHERS),
                        EdgeMessage.replaceable(EdgeMessage.QUEUE_SNAPSHOT, queue, snapshot));
            }
        }
    }

    @Override
    public void close() {
        snapshots.shutdownNow();
    }

    record AgentStateView(String agent, String username, String queue, String state, String pausedReason, Instant at) {}

    record QueueSnapshot(String queue, int waiting, Instant longestWaitingSince, Instant at) {}

    /** What the feed takes from the bus: agents' states and queues' snapshots. */
    CallEventHandlers handlers() {
        return CallEventHandlers.none()
                .on(AgentStateChanged.class, this::agentState)
                .on(QueueChanged.class, this::queueChanged);
    }

    private void agentState(AgentStateChanged state) {
        Optional<DirectoryUser> user = directory.userOf(state.agent());
        AgentStateView view = new AgentStateView(
                state.agent(),
                user.map(DirectoryUser::username).orElse(null),
                state.queue(),
                state.state().name(),
                state.pausedReason(),
                state.at());
        EdgeMessage message =
                EdgeMessage.replaceable(EdgeMessage.AGENT_STATE, state.agent() + "@" + state.queue(), view);
        user.ifPresent(agent -> edge.sendToUser(agent.username(), message));
        edge.publish(watchersOf(user), message);
    }

    private void queueChanged(QueueChanged queue) {
        pendingSnapshots.put(
                queue.queue(),
                new QueueSnapshot(queue.queue(), queue.waiting(), queue.longestWaitingSince(), queue.at()));
    }

    /**
     * Besides the agent themself (sent to by name): admins, who see every agent, and the supervisors whose scope holds
     * the agent's team (its own, and those assigned to it as this node's directory has them now); not the agent again
     * if they are one of those.
     */
    private Audience watchersOf(Optional<DirectoryUser> agent) {
        Audience admins = Audience.roles(Set.of("ADMIN"));
        if (agent.isEmpty()) {
            return admins;
        }
        DirectoryUser user = agent.get();
        String team = user.team() == null ? null : Long.toString(user.team().value());
        return admins.orInTeam("SUPERVISOR", team)
                .orNamed(scopes.supervisorsAssignedTo(user.team()))
                .except(user.username());
    }
}
