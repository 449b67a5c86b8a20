package io.switchboard.directory;

import java.time.Instant;

/**
 * A user as the admin pages see them.
 *
 * @param teamName the name of the user's team; {@code null} for none
 * @param mustChangePassword an admin set their password: they choose their own at the next login
 */
public record UserAccount(
        DirectoryUser user,
        String teamName,
        String email,
        boolean active,
        boolean mustChangePassword,
        Instant createdAt) {}
