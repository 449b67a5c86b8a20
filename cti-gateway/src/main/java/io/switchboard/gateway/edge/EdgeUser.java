package io.switchboard.gateway.edge;

/**
 * Who is on the other end of a CTI edge session, as stated by the token the session opened with. The edge routes
 * messages by {@code username}; the other fields let callers choose an audience (for example the supervisors of
 * one team) without the edge knowing what roles or teams mean.
 *
 * @param username the logged-in user's name; messages for this user go to every session it has open
 * @param role the user's role as a string (AGENT, SUPERVISOR, CAMPAIGN_MANAGER, ADMIN)
 * @param team the user's team, or null
 * @param extension the user's phone extension, or null
 */
public record EdgeUser(String username, String role, String team, String extension) {

    public EdgeUser {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("role must not be blank");
        }
    }

    public boolean hasRole(String expected) {
        return role.equals(expected);
    }
}
