package io.switchboard.security;

import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.Viewer;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user: a directory user with their role as the one authority ({@code ROLE_AGENT}, ...). */
public final class SwitchboardUser implements UserDetails, CredentialsContainer {

    private final DirectoryUser user;
    private final boolean active;
    private String passwordHash;

    SwitchboardUser(DirectoryUser user, String passwordHash, boolean active) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.active = active;
    }

    public DirectoryUser user() {
        return user;
    }

    /** Who is looking, for the visibility rules of every service. */
    public Viewer viewer() {
        return user.viewer();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
