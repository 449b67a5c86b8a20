package io.switchboard.screenpop;

import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.TeamScopes;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.gateway.edge.EdgeMessage;
import io.switchboard.gateway.edge.EdgeUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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
    /** Who sees other agents' states: admins all, supervisors the teams in their scope. */
    private static final Set<String> STATE_WATCHERS = Set.of("SUPERVISOR", "ADMIN");

    private final AgentDirectory directory;
    private final TeamScopes scopes;
    private final CtiEdge edge;
    private final Map<String, QueueSnapshot> pendingSnapshots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService snapshots = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "desktop-feed-snapshots");
        thread.setDaemon(true);
        return thread;
    });

    DesktopFeed(AgentDirectory directory, TeamScopes scopes, CtiEdge edge) {
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
                        QUEUE_WATCHERS,
                        desktop -> true,
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
        edge.publish(STATE_WATCHERS, watchersOf(user), message);
    }

    private void queueChanged(QueueChanged queue) {
        pendingSnapshots.put(
                queue.queue(),
                new QueueSnapshot(queue.queue(), queue.waiting(), queue.longestWaitingSince(), queue.at()));
    }

    /**
     * Besides the agent themself (sent to by name): admins, who see every agent, and the supervisors whose scope
     * holds the agent's team (the desktop's own team, from its token, and the teams assigned to its user now); not
     * the agent again if they are one of those.
     */
    private Predicate<EdgeUser> watchersOf(Optional<DirectoryUser> agent) {
        Predicate<EdgeUser> admins = desktop -> desktop.hasRole("ADMIN");
        if (agent.isEmpty() || agent.get().team() == null) {
            return admins.and(desktop ->
                    agent.isEmpty() || !desktop.username().equals(agent.get().username()));
        }
        DirectoryUser user = agent.get();
        TeamId team = user.team();
        Predicate<EdgeUser> teamSupervisors = desktop -> desktop.hasRole("SUPERVISOR")
                && scopes.inScope(desktop.username(), desktop.role(), teamOf(desktop), team);
        return admins.or(teamSupervisors).and(desktop -> !desktop.username().equals(user.username()));
    }

    /** The desktop's own team as its token names it ({@code null}: none). */
    private static TeamId teamOf(EdgeUser desktop) {
        try {
            return desktop.team() == null ? null : new TeamId(Long.parseLong(desktop.team()));
        } catch (NumberFormatException notATeamId) {
            return null;
        }
    }
}
