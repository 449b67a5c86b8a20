package io.switchboard.security;

import io.switchboard.directory.LoginRecords.LoginState;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password logins, the form's and HTTP Basic's alike, through the {@link LoginGuard}: refused while
 * throttled or locked out, and counted when they fail.
 */
final class GuardedAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginGuard guard;

    GuardedAuthenticationProvider(AuthenticationProvider passwords, LoginGuard guard) {
        this.passwords = passwords;
        this.guard = guard;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "unknown";
        Optional<LoginState> state = guard.admit(username, address);
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (DisabledException e) {
            guard.failed(username, address, RefusalReason.DISABLED);
            throw e;
        } catch (BadCredentialsException e) {
            guard.failed(username, address, RefusalReason.BAD_CREDENTIALS);
            throw e;
        }
        guard.succeeded(username, state);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
