package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.contact.ContactFilter;
import io.switchboard.contact.ContactSearch;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.Visibility;
import io.switchboard.testing.CrmTestApplication;
import io.switchboard.testing.Database;
import io.switchboard.testing.EmbeddedPostgresConfiguration;
import io.switchboard.testing.PostgresTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Supervisors assigned to teams on a real PostgreSQL: their scope is their own team and the teams assigned, the
 * directory finds them as the teams' supervisors, only supervisors may be assigned, every change is audited, and
 * another node sees a change within its {@code scope-refresh}.
 */
@PostgresTest
class TeamSupervisorsTest {

    @Autowired
    Directory directory;

    @Autowired
    TeamAdministration teams;

    @Autowired
    TeamScopes scopes;

    @Autowired
    Contacts contacts;

    @Autowired
    ContactSearch search;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    TeamId a;
    TeamId b;
    TeamId c;
    DirectoryUser supervisor;
    DirectoryUser admin;

    @BeforeEach
    void threeTeamsAndASupervisorOfTheFirst() {
        Database.clear(jdbc);
        a = directory.team("Alpha");
        b = directory.team("Bravo");
        c = directory.team("Charlie");
        supervisor = directory.add(new NewUser("sasha", "Sasha Supervisor", Role.SUPERVISOR, a, null));
        admin = directory.add(new NewUser("ari", "Ari Admin", Role.ADMIN, null, null));
    }

    @Test
    void anAssignedSupervisorSeesTheTeamsPrivateContactsUntilTheAssignmentIsTakenAway() {
        long bravo = privateContactOf("Bravo customer", b);
        long charlie = privateContactOf("Charlie customer", c);
        teams.setSupervisors(b.value(), List.of("sasha"), admin.viewer());

        Viewer viewer = scopes.viewer(supervisor);
        assertThat(viewer.teams()).containsExactlyInAnyOrder(a, b);
        assertThat(contacts.find(new io.switchboard.contact.ContactId(bravo), viewer))
                .isPresent();
        assertThat(contacts.find(new io.switchboard.contact.ContactId(charlie), viewer))
                .isEmpty();
        assertThat(search.find(ContactFilter.text("customer"), viewer, 0, 10).getContent())
                .extracting(contact -> contact.name())
                .containsExactly("Bravo customer");

        teams.setSupervisors(b.value(), List.of(), admin.viewer());

        Viewer after = scopes.viewer(supervisor);
        assertThat(after.teams()).containsExactly(a);
        assertThat(search.find(ContactFilter.text("customer"), after, 0, 10).getContent())
                .isEmpty();
    }

    @Test
    void theDirectoryFindsAnAssignedSupervisorAmongTheTeamsSupervisors() {
        DirectoryUser own = directory.add(new NewUser("bea", "Bea Bravo", Role.SUPERVISOR, b, null));
        assertThat(directory.supervisorsOf(List.of(b)))
                .extracting(DirectoryUser::username)
                .containsExactly("bea");

        teams.setSupervisors(b.value(), List.of("sasha"), admin.viewer());

        assertThat(directory.supervisorsOf(List.of(b)))
                .extracting(DirectoryUser::username)
                .containsExactlyInAnyOrder("bea", "sasha");
        assertThat(directory.supervisorsOf(List.of(c))).isEmpty();
        assertThat(teams.get(b.value()).supervisors()).containsExactly("bea", "sasha");
        assertThat(teams.get(b.value()).assignedSupervisors()).containsExactly("sasha");
        assertThat(own.viewer().teams()).containsExactly(b);
    }

    @Test
    void onlyExistingSupervisorsMayBeAssignedAndEachChangeIsAudited() {
        directory.add(new NewUser("andy", "Andy Agent", Role.AGENT, c, "1001"));

        assertThatThrownBy(() -> teams.setSupervisors(c.value(), List.of("andy"), admin.viewer()))
                .isInstanceOfSatisfying(
                        InvalidUserException.class, e -> assertThat(e.field()).isEqualTo("supervisors"))
                .hasMessageContaining("andy")
                .hasMessageContaining("AGENT");
        assertThatThrownBy(() -> teams.setSupervisors(c.value(), List.of("nobody"), admin.viewer()))
                .isInstanceOfSatisfying(
                        InvalidUserException.class, e -> assertThat(e.field()).isEqualTo("supervisors"))
                .hasMessageContaining("nobody");
        assertThat(scopes.supervisedBy(supervisor.id())).isEmpty();

        teams.setSupervisors(c.value(), List.of("sasha"), admin.viewer());

        AuditEntry entry = audit.find(
                        new AuditQuery(null, "team.supervisors", "team", Long.toString(c.value()), null, null),
                        admin.viewer(),
                        0,
                        10)
                .getContent()
                .get(0);
        assertThat(entry.actor()).isEqualTo("ari");
        assertThat(entry.before()).doesNotContain("sasha");
        assertThat(entry.after()).contains("sasha");
    }

    @Test
    void aDeletedTeamLeavesNoAssignmentBehind() {
        TeamId delta = directory.team("Delta");
        teams.setSupervisors(delta.value(), List.of("sasha"), admin.viewer());
        assertThat(scopes.supervisedBy(supervisor.id())).containsExactly(delta);

        teams.delete(delta.value(), admin.viewer());
        scopes.reload();

        assertThat(scopes.supervisedBy(supervisor.id())).isEmpty();
    }

    @Test
    void anotherNodeSeesAnAssignmentWithinItsScopeRefreshWithoutARestart() {
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(
                        CrmTestApplication.class, EmbeddedPostgresConfiguration.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "switchboard.directory.scope-refresh=1s")
                .run()) {
            TeamScopes there = other.getBean(TeamScopes.class);
            // the other node has read the assignments: its copy is the one that must not go stale
            assertThat(there.supervisedBy(supervisor.id())).isEmpty();

            teams.setSupervisors(b.value(), List.of("sasha"), admin.viewer());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> there.supervisedBy(supervisor.id()).equals(Set.of(b)));
            assertThat(there.supervisorsAssignedTo(b)).containsExactly("sasha");

            teams.setSupervisors(b.value(), List.of(), admin.viewer());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> there.supervisedBy(supervisor.id()).isEmpty());
        }
    }

    private long privateContactOf(String name, TeamId team) {
        DirectoryUser owner = directory.add(new NewUser("owner-" + team.value(), "Owner", Role.AGENT, team, null));
        return contacts.create(new NewContact(
                        name, null, null, owner.id(), team, Visibility.PRIVATE, Set.of(), null, List.of()))
                .id()
                .value();
    }
}
