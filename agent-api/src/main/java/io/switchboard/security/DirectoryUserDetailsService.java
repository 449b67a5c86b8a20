package io.switchboard.security;

import io.switchboard.directory.Directory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Users log in with the username and password hash the directory keeps; a user without a password cannot. */
final class DirectoryUserDetailsService implements UserDetailsService {

    private final Directory directory;

    DirectoryUserDetailsService(Directory directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return directory
                .credentials(username)
                .filter(credentials -> credentials.passwordHash() != null)
                .map(credentials ->
                        new SwitchboardUser(credentials.user(), credentials.passwordHash(), credentials.active()))
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username + " who may log in"));
    }
}
