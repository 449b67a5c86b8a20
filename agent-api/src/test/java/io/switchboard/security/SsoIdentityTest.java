package io.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an identity provider's claims become a Switchboard username, e-mail, role and team. */
class SsoIdentityTest {

    private static SsoProperties settings(String roleClaim, String teamClaim, SsoProperties.MatchBy matchBy) {
        return new SsoProperties(
                true,
                matchBy,
                "preferred_username",
                "email",
                "name",
                roleClaim,
                Map.of(
                        "switchboard-agents", Role.AGENT,
                        "switchboard-supervisors", Role.SUPERVISOR,
                        "switchboard-admins", Role.ADMIN),
                teamClaim,
                false,
                true);
    }

    @Test
    void keycloakRealmRolesNestedInAnObjectGiveTheRoleWithMostRights() {
        SsoIdentity identity = SsoIdentity.from(
                Map.of(
                        "preferred_username", "ann",
                        "email", "ann@example.com",
                        "name", "Ann Agent",
                        "realm_access",
                                Map.of("roles", List.of("offline_access", "switchboard-agents", "switchboard-admins")),
                        "team", "Support"),
                settings("realm_access.roles", "team", SsoProperties.MatchBy.USERNAME));
        assertThat(identity.username()).isEqualTo("ann");
        assertThat(identity.displayName()).isEqualTo("Ann Agent");
        assertThat(identity.role()).contains(Role.ADMIN);
        assertThat(identity.team()).contains("Support");
        assertThat(identity.matchValue(SsoProperties.MatchBy.USERNAME)).isEqualTo("ann");
        assertThat(identity.matchValue(SsoProperties.MatchBy.EMAIL)).isEqualTo("ann@example.com");
    }

    @Test
    void oneGroupAsPlainTextIsMappedToo() {
        SsoIdentity identity = SsoIdentity.from(
                Map.of("upn", "bob@corp.example", "roles", "switchboard-supervisors"),
                new SsoProperties(
                        true,
                        SsoProperties.MatchBy.EMAIL,
                        "upn",
                        "upn",
                        "name",
                        "roles",
                        Map.of("switchboard-supervisors", Role.SUPERVISOR),
                        "",
                        true,
                        true));
        assertThat(identity.matchValue(SsoProperties.MatchBy.EMAIL)).isEqualTo("bob@corp.example");
        assertThat(identity.displayName()).isEqualTo("bob@corp.example");
        assertThat(identity.role()).contains(Role.SUPERVISOR);
        assertThat(identity.team()).isEmpty();
    }

    @Test
    void unmappedGroupsMissingClaimsAndNoRoleClaimGiveNoRole() {
        assertThat(SsoIdentity.from(
                                Map.of("preferred_username", "cy", "groups", List.of("staff", "vpn")),
                                settings("groups", "", SsoProperties.MatchBy.USERNAME))
                        .role())
                .isEmpty();
        SsoIdentity bare = SsoIdentity.from(Map.of("sub", "x"), settings("", "team", SsoProperties.MatchBy.USERNAME));
        assertThat(bare.username()).isNull();
        assertThat(bare.role()).isEmpty();
        assertThat(bare.team()).isEmpty();
        assertThat(bare.matchValue(SsoProperties.MatchBy.USERNAME)).isNull();
    }
}
