package io.switchboard.security;

import io.switchboard.directory.Role;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the identity provider says about a user, read from its claims as {@link SsoProperties} configure.
 *
 * @param username {@code null} when the claim is missing
 * @param email {@code null} when the claim is missing
 * @param role the mapped role with most rights; empty when no claim value is mapped
 * @param team the team's name; empty when no team claim is configured or the claim is missing
 */
record SsoIdentity(String username, String email, String displayName, Optional<Role> role, Optional<String> team) {

    static SsoIdentity from(Map<String, Object> claims, SsoProperties settings) {
        String username = text(claim(claims, settings.usernameClaim()));
        String email = text(claim(claims, settings.emailClaim()));
        String name = text(claim(claims, settings.nameClaim()));
        Optional<Role> role = values(claim(claims, settings.roleClaim())).stream()
                .map(settings.roles()::get)
                .filter(mapped -> mapped != null)
                .max(Enum::compareTo);
        Optional<String> team = Optional.ofNullable(text(claim(claims, settings.teamClaim())));
        return new SsoIdentity(username, email, name == null ? username : name, role, team);
    }

    /** The value the Switchboard user is found by. */
    String matchValue(SsoProperties.MatchBy matchBy) {
        return matchBy == SsoProperties.MatchBy.EMAIL ? email : username;
    }

    /** A claim by name; {@code a.b} reads {@code b} inside the object {@code a}. */
    private static Object claim(Map<String, Object> claims, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Object value = claims;
        for (String part : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(part);
        }
        return value;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        String one = text(claim);
        return one == null ? List.of() : List.of(one);
    }

    private static String text(Object claim) {
        if (claim == null || claim instanceof Map<?, ?> || claim instanceof Collection<?>) {
            return null;
        }
        String text = claim.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
