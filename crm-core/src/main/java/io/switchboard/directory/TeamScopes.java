package io.switchboard.directory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The one place a supervisor's scope is computed: their own team and the teams an admin assigned them to supervise
 * ({@code team_supervisors}). Every feature asks here, through the {@link Viewer} it builds ({@link #viewer}) or, for
 * news of a team's agents that goes to desktops, {@link #supervisorsAssignedTo}.
 *
 * <p>The assignments (a few rows per supervisor) are held in memory and read again after every change committed on
 * this node ({@link TeamSupervisorsChanged}), and at the first use after {@code switchboard.directory.scope-refresh}
 * has passed, so a change made on another node is seen here within that time, without a restart (as the support
 * tiers are).
 */
@Service
public class TeamScopes {

    /** The assignments as read: by user id to the teams assigned, and by team to the usernames assigned. */
    private record Assignments(Map<Long, Set<TeamId>> byUser, Map<TeamId, Set<String>> byTeam) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final long maxAgeNanos;
    private volatile Assignments assignments;
    /** When {@link #assignments} was read ({@link System#nanoTime}: how old the copy is). */
    private volatile long readAt;

    TeamScopes(NamedParameterJdbcTemplate jdbc, DirectoryProperties properties) {
        this.jdbc = jdbc;
        this.maxAgeNanos = properties.scopeRefresh().toNanos();
    }

    /** Who is looking, with their whole scope: what every service's visibility rules are given. */
    public Viewer viewer(DirectoryUser user) {
        return new Viewer(user.id(), user.role(), user.team(), supervisedBy(user.id()));
    }

    /** The teams an admin assigned this user to supervise (their own team aside); empty for most users. */
    public Set<TeamId> supervisedBy(UserId user) {
        return current().byUser().getOrDefault(user.value(), Set.of());
    }

    /**
     * The usernames of the supervisors assigned to this team (not its own supervisors, whom the team's id finds): whom
     * news of the team's agents goes to besides them. Empty for {@code null}.
     */
    public Set<String> supervisorsAssignedTo(TeamId team) {
        return team == null ? Set.of() : current().byTeam().getOrDefault(team, Set.of());
    }

    /** Reads the assignments again once a change to them is committed (not before: a rollback changes nothing). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(TeamSupervisorsChanged changed) {
        reload();
    }

    /** Reads the assignments again now. */
    public synchronized void reload() {
        Map<Long, Set<TeamId>> byUser = new HashMap<>();
        Map<TeamId, Set<String>> byTeam = new HashMap<>();
        jdbc.query(
                "select ts.team_id, ts.user_id, u.username from team_supervisors ts join users u on u.id = ts.user_id",
                Map.of(),
                row -> {
                    TeamId team = new TeamId(row.getLong("team_id"));
                    byUser.computeIfAbsent(row.getLong("user_id"), id -> new HashSet<>())
                            .add(team);
                    byTeam.computeIfAbsent(team, id -> new HashSet<>()).add(row.getString("username"));
                });
        byUser.replaceAll((user, teams) -> Set.copyOf(teams));
        byTeam.replaceAll((team, users) -> Set.copyOf(users));
        assignments = new Assignments(Map.copyOf(byUser), Map.copyOf(byTeam));
        readAt = System.nanoTime();
    }

    private Assignments current() {
        if (assignments == null || System.nanoTime() - readAt > maxAgeNanos) {
            reload();
        }
        return assignments;
    }
}
