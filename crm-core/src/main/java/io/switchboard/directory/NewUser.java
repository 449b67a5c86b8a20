package io.switchboard.directory;

import java.util.Objects;

/**
 * A user to add to the directory.
 *
 * @param team {@code null} for no team
 * @param extension {@code null} for users without a phone
 */
public record NewUser(String username, String displayName, Role role, TeamId team, String extension) {

    public NewUser {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a user needs a username");
        }
        Objects.requireNonNull(role, "role");
        username = username.trim();
        displayName = displayName == null || displayName.isBlank() ? username : displayName.trim();
    }
}
