package io.switchboard.security;

import io.switchboard.directory.Credentials;
import io.switchboard.directory.Directory;
import io.switchboard.directory.LoginRecords;
import io.switchboard.directory.Role;
import io.switchboard.directory.UserAccount;
import io.switchboard.directory.UserAdministration;
import io.switchboard.directory.UserForm;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the identity provider's user into a Switchboard user: found by username or e-mail claim, their role and
 * team set from the mapped claims (changes are audited as made by the application), created at first login when
 * just-in-time creation is on. A provider's user with no Switchboard user (and none created), a deactivated one, or
 * one the claims do not identify, is refused with a sentence for the login page.
 */
final class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(SsoUserService.class);

    private final OidcUserService provider = new OidcUserService();
    private final SsoProperties settings;
    private final Directory directory;
    private final UserAdministration users;
    private final LoginRecords records;
    private final LoginGuard guard;

    SsoUserService(
            SsoProperties settings,
            Directory directory,
            UserAdministration users,
            LoginRecords records,
            LoginGuard guard) {
        this.settings = settings;
        this.directory = directory;
        this.users = users;
        this.records = records;
        this.guard = guard;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = provider.loadUser(request);
        SsoIdentity identity = SsoIdentity.from(oidc.getClaims(), settings);
        String match = identity.matchValue(settings.matchBy());
        if (match == null) {
            throw refuse("Your identity provider did not say your "
                    + (settings.matchBy() == SsoProperties.MatchBy.EMAIL ? "e-mail address" : "username")
                    + ": ask an admin to check the single sign-on settings.");
        }
        Optional<String> username = settings.matchBy() == SsoProperties.MatchBy.EMAIL
                ? usernameByEmail(match)
                : directory.findByUsername(match).map(user -> user.username());
        String known = username.orElseGet(() -> create(identity));
        UserAccount account = users.get(known);
        if (!account.active()) {
            throw refuse("Your Switchboard account is deactivated.");
        }
        account = apply(identity, account);
        Credentials credentials =
                directory.credentials(account.user().username()).orElseThrow();
        return new SwitchboardUser(credentials.user(), null, true).signedOnWith(oidc);
    }

    private Optional<String> usernameByEmail(String email) {
        List<String> found = records.usernamesByEmail(email);
        if (found.size() > 1) {
            throw refuse("More than one Switchboard user has your e-mail address: ask an admin.");
        }
        return found.stream().findFirst();
    }

    /** Just-in-time creation of a user the provider knows and Switchboard does not. */
    private String create(SsoIdentity identity) {
        if (!settings.createUsers()) {
            throw refuse("You have no Switchboard account yet: ask an admin to create one.");
        }
        Role role = identity.role()
                .orElseThrow(() -> refuse("Your identity provider gave you no Switchboard role: ask an admin."));
        String username = identity.username() != null ? identity.username() : identity.email();
        if (username == null) {
            throw refuse("Your identity provider did not say your username: ask an admin.");
        }
        identity.team().ifPresent(directory::team);
        UserAccount created = users.create(
                new UserForm(
                        username,
                        identity.displayName(),
                        role,
                        identity.team().orElse(null),
                        null,
                        identity.email(),
                        true),
                null);
        log.info("Single sign-on created user '{}' ({})", created.user().username(), role);
        return created.user().username();
    }

    /** The provider's word on role and team wins over what Switchboard holds, when it says anything. */
    private UserAccount apply(SsoIdentity identity, UserAccount account) {
        Role role = identity.role().orElse(account.user().role());
        String team = identity.team().orElse(account.teamName());
        if (role == account.user().role() && java.util.Objects.equals(team, account.teamName())) {
            return account;
        }
        identity.team().ifPresent(directory::team);
        return users.update(
                account.user().username(),
                new UserForm(
                        account.user().username(),
                        account.user().displayName(),
                        role,
                        team,
                        account.user().extension(),
                        account.email(),
                        account.active()),
                null);
    }

    private SsoRefusedException refuse(String message) {
        guard.refusedElsewhere(RefusalReason.SSO_NO_USER);
        return new SsoRefusedException(message);
    }
}
