package io.switchboard.security;

import io.switchboard.directory.Role;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through the organisation's OpenID Connect provider. The provider itself is a standard Spring Boot
 * client registration ({@code spring.security.oauth2.client.registration.<id>} and {@code .provider.<id>}); these
 * settings say how its users become Switchboard users. Claims are read by name, and a dotted name reads into nested
 * objects ({@code realm_access.roles} in Keycloak).
 *
 * @param enabled offer the provider's login on the login page
 * @param matchBy whether a provider's user is the Switchboard user of the same {@code USERNAME} or {@code EMAIL}
 * @param usernameClaim the claim holding the username ({@code preferred_username}; Entra ID: {@code upn})
 * @param emailClaim the claim holding the e-mail address
 * @param nameClaim the claim holding the display name
 * @param roleClaim the claim holding the user's groups or roles (a list or one value); empty for none
 * @param roles which claim value gives which role, e.g. {@code switchboard-admins: ADMIN}; a user with several gets
 *     the one with most rights; a user with none keeps the role they have (and is not created)
 * @param teamClaim the claim holding the team's name; empty for none (the team then stays as it is)
 * @param createUsers create a user at their first login when none matches (just-in-time), with the mapped role
 * @param localLogin offer the username and password form; {@code false} leaves only single sign-on on the pages
 *     (HTTP Basic for API clients stays)
 */
@ConfigurationProperties("switchboard.security.sso")
public record SsoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("USERNAME") MatchBy matchBy,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("email") String emailClaim,
        @DefaultValue("name") String nameClaim,
        @DefaultValue("") String roleClaim,
        Map<String, Role> roles,
        @DefaultValue("") String teamClaim,
        @DefaultValue("false") boolean createUsers,
        @DefaultValue("true") boolean localLogin) {

    public enum MatchBy {
        USERNAME,
        EMAIL
    }

    public SsoProperties {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        if (!localLogin && !enabled) {
            throw new IllegalArgumentException(
                    "switchboard.security.sso.local-login=false needs switchboard.security.sso.enabled=true:"
                            + " nobody could log in to the pages");
        }
    }
}
