package io.switchboard.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who is looking: the user, their role and the teams whose data they see, everything data visibility is decided on.
 * Every feature reads a supervisor's scope from {@link #teams()}, never from {@link #team()} alone.
 *
 * @param team the user's own team; {@code null} for users outside any team (typically admins)
 * @param teams the teams in the viewer's scope: their own team and, for a supervisor, the teams they are assigned to
 *     supervise ({@link TeamScopes}); only supervisors see beyond their own team, so other roles' extra teams are
 *     dropped here
 */
public record Viewer(UserId user, Role role, TeamId team, Set<TeamId> teams) {

    public Viewer {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        Set<TeamId> scope = new HashSet<>();
        if (role == Role.SUPERVISOR && teams != null) {
            scope.addAll(teams);
        }
        if (team != null) {
            scope.add(team);
        }
        teams = Set.copyOf(scope);
    }

    /** A viewer whose scope is their own team only. */
    public Viewer(UserId user, Role role, TeamId team) {
        this(user, role, team, Set.of());
    }

    /** Whether the team is in the viewer's scope (their own, or one they supervise). */
    public boolean inTeam(TeamId other) {
        return other != null && teams.contains(other);
    }

    /** Whether the team with this id is in the viewer's scope. */
    public boolean inTeam(Long other) {
        return other != null && teams.contains(new TeamId(other));
    }

    /** The scope's team ids, for a SQL {@code team_id in (:viewerTeams)}; empty when the viewer has no team. */
    public List<Long> teamIds() {
        return teams.stream().map(TeamId::value).sorted().toList();
    }
}
