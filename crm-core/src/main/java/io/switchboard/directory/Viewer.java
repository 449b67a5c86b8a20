package io.switchboard.directory;

import java.util.Objects;

/**
 * Who is looking: the user, their role and their team, everything data visibility is decided on.
 *
 * @param team the user's team; {@code null} for users outside any team (typically admins)
 */
public record Viewer(UserId user, Role role, TeamId team) {

    public Viewer {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
    }

    public boolean inTeam(TeamId other) {
        return team != null && team.equals(other);
    }
}
