package io.switchboard.directory;

/**
 * A user as logging in sees them.
 *
 * @param passwordHash an encoded password (e.g. {@code {bcrypt}$2a$...}); {@code null} when none is set, and then
 *     the user cannot log in
 */
public record Credentials(DirectoryUser user, String passwordHash, boolean active) {

    @Override
    public String toString() {
        return "Credentials[" + user.username() + ", active=" + active + "]";
    }
}
