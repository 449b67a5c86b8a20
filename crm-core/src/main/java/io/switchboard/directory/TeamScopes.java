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
 * a desktop that only knows a username, {@link #scopeOf}.
 *
 * <p>The assignments (a few rows per supervisor) are held in memory and read again after every change committed on
 * this node ({@link TeamSupervisorsChanged}), and at the first use after {@code switchboard.directory.scope-refresh}
 * has passed, so a change made on another node is seen here within that time, without a restart (as the support
 * tiers are).
 */
@Service
public class TeamScopes {

    /** The assignments as read: by user id and by username, each to the teams assigned. */
    private record Assignments(Map<Long, Set<TeamId>> byUser, Map<String, Set<TeamId>> byUsername) {}

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
     * The scope of a user known by name, role and own team (a desktop's identity on the CTI edge): their own team
     * and, for a supervisor, the teams they are assigned.
     */
    public Set<TeamId> scopeOf(String username, String role, TeamId ownTeam) {
        Set<TeamId> assigned = Role.SUPERVISOR.name().equals(role)
                ? current().byUsername().getOrDefault(username, Set.of())
                : Set.of();
        if (ownTeam == null) {
            return assigned;
        }
        Set<TeamId> scope = new HashSet<>(assigned);
        scope.add(ownTeam);
        return scope;
    }

    /** Whether the team is in the scope {@link #scopeOf} gives, without building it: asked for every desktop. */
    public boolean inScope(String username, String role, TeamId ownTeam, TeamId team) {
        return team != null
                && (team.equals(ownTeam)
                        || (Role.SUPERVISOR.name().equals(role)
                                && current()
                                        .byUsername()
                                        .getOrDefault(username, Set.of())
                                        .contains(team)));
    }

    /** Reads the assignments again once a change to them is committed (not before: a rollback changes nothing). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(TeamSupervisorsChanged changed) {
        reload();
    }

    /** Reads the assignments again now. */
    public synchronized void reload() {
        Map<Long, Set<TeamId>> byUser = new HashMap<>();
        Map<String, Set<TeamId>> byUsername = new HashMap<>();
        jdbc.query(
                "select ts.team_id, ts.user_id, u.username from team_supervisors ts join users u on u.id = ts.user_id",
                Map.of(),
                row -> {
                    TeamId team = new TeamId(row.getLong("team_id"));
                    byUser.computeIfAbsent(row.getLong("user_id"), id -> new HashSet<>())
                            .add(team);
                    byUsername
                            .computeIfAbsent(row.getString("username"), name -> new HashSet<>())
                            .add(team);
                });
        byUser.replaceAll((user, teams) -> Set.copyOf(teams));
        byUsername.replaceAll((user, teams) -> Set.copyOf(teams));
        assignments = new Assignments(Map.copyOf(byUser), Map.copyOf(byUsername));
        readAt = System.nanoTime();
    }

    private Assignments current() {
        if (assignments == null || System.nanoTime() - readAt > maxAgeNanos) {
            reload();
        }
        return assignments;
    }
}
