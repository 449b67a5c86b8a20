package io.switchboard.security;

import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.Viewer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The logged-in user: a directory user with their role as the one authority ({@code ROLE_AGENT}, ...). */
public final class SwitchboardUser implements UserDetails, CredentialsContainer, OidcUser {

    private final DirectoryUser user;
    private final boolean active;
    private final OidcUser signedOn;
    /** The teams an admin assigned this supervisor, as read for this request ({@link CurrentTeamScope}). */
    private final Set<TeamId> supervised;

    private String passwordHash;

    SwitchboardUser(DirectoryUser user, String passwordHash, boolean active) {
        this(user, passwordHash, active, null, Set.of());
    }

    private SwitchboardUser(
            DirectoryUser user, String passwordHash, boolean active, OidcUser signedOn, Set<TeamId> supervised) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.active = active;
        this.signedOn = signedOn;
        this.supervised = Set.copyOf(supervised);
    }

    /**
     * This user as logged in through single sign-on: the same principal as a password login (every page and
     * service reads a {@code SwitchboardUser}), carrying the provider's tokens and claims.
     */
    SwitchboardUser signedOnWith(OidcUser provider) {
        return new SwitchboardUser(user, null, active, provider, supervised);
    }

    /** This user with the teams they are assigned to supervise as the directory has them now. */
    SwitchboardUser supervising(Set<TeamId> teams) {
        return new SwitchboardUser(user, passwordHash, active, signedOn, teams);
    }

    /** Whether this login came through the organisation's identity provider. */
    public boolean singleSignOn() {
        return signedOn != null;
    }

    @Override
    public Map<String, Object> getClaims() {
        return signedOn == null ? Map.of() : signedOn.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return signedOn == null ? null : signedOn.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return signedOn == null ? null : signedOn.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return signedOn == null ? Map.of() : signedOn.getAttributes();
    }

    /** The username, also for single sign-on logins (not the provider's subject id). */
    @Override
    public String getName() {
        return user.username();
    }

    public DirectoryUser user() {
        return user;
    }

    /** Who is looking, for the visibility rules of every service: their own team and the teams they supervise. */
    public Viewer viewer() {
        return new Viewer(user.id(), user.role(), user.team(), supervised);
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
