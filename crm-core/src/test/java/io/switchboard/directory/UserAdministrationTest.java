package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class UserAdministrationTest {

    @Autowired
    UserAdministration users;

    @Autowired
    TeamAdministration teams;

    @Autowired
    Directory directory;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    Viewer admin;

    /** The audit log is append-only and outlives {@link Database#clear}: each test reads what it wrote since then. */
    java.time.Instant started;

    @BeforeEach
    void anAdmin() {
        Database.clear(jdbc);
        started = java.time.Instant.now();
        admin = directory
                .add(new NewUser("ua-admin", null, Role.ADMIN, null, null))
                .viewer();
    }

    @Test
    void anAdminCreatesAnAgentInATeamWithAnExtensionAndTheChangeIsAudited() {
        teams.create("Support", admin);

        UserAccount created = users.create(
                new UserForm("ann", "Ann Agent", Role.AGENT, "Support", "1003", "ann@example.com", true), admin);

        assertThat(created.teamName()).isEqualTo("Support");
        assertThat(directory.findByExtension("1003").orElseThrow().username()).isEqualTo("ann");
        List<AuditEntry> entries = audit.find(
                        new AuditQuery(null, "user.created", "user", "ann", started, null), admin, 0, 5)
                .getContent();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("ua-admin");
            assertThat(entry.after()).contains("\"extension\":\"1003\"", "ann@example.com");
        });
    }

    @Test
    void extensionsAreDigitsWithinTheMaximumLengthAndUnique() {
        users.create(new UserForm("ann", null, Role.AGENT, null, "1003", null, true), admin);

        assertThatThrownBy(
                        () -> users.create(new UserForm("bob", null, Role.AGENT, null, "1234567", null, true), admin))
                .isInstanceOfSatisfying(
                        InvalidUserException.class, e -> assertThat(e.field()).isEqualTo("extension"))
                .hasMessageContaining("2 to 6 digits");
        assertThatThrownBy(() -> users.create(new UserForm("bob", null, Role.AGENT, null, "10a3", null, true), admin))
                .isInstanceOf(InvalidUserException.class);
        assertThatThrownBy(() -> users.create(new UserForm("bob", null, Role.AGENT, null, "1003", null, true), admin))
                .isInstanceOfSatisfying(
                        DirectoryConflictException.class,
                        e -> assertThat(e.field()).isEqualTo("extension"))
                .hasMessageContaining("ann");
        assertThatThrownBy(() -> users.create(new UserForm("ann", null, Role.AGENT, null, null, null, true), admin))
                .isInstanceOfSatisfying(
                        DirectoryConflictException.class,
                        e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> users.create(new UserForm("cy", null, Role.AGENT, "Nowhere", null, null, true), admin))
                .isInstanceOfSatisfying(
                        InvalidUserException.class, e -> assertThat(e.field()).isEqualTo("team"));
        // keeping one's own extension is no clash
        assertThat(users.update("ann", new UserForm("ann", "Ann", Role.AGENT, null, "1003", null, true), admin)
                        .user()
                        .extension())
                .isEqualTo("1003");
    }

    @Test
    void aResetPasswordMustBeChangedAtTheNextLogin() {
        users.create(new UserForm("ann", null, Role.AGENT, null, null, null, true), admin);

        users.resetPassword("ann", "{noop}temporary", admin);
        assertThat(users.mustChangePassword("ann")).isTrue();
        assertThat(directory.credentials("ann").orElseThrow().passwordHash()).isEqualTo("{noop}temporary");

        users.changeOwnPassword("ann", "{noop}mine");
        assertThat(users.mustChangePassword("ann")).isFalse();
    }

    @Test
    void deactivatedUsersKeepTheirRowAndCannotLogInUntilReactivated() {
        users.create(new UserForm("ann", null, Role.AGENT, null, "1003", null, true), admin);

        users.setActive("ann", false, admin);
        assertThat(directory.credentials("ann").orElseThrow().active()).isFalse();
        users.setActive("ann", true, admin);
        assertThat(directory.credentials("ann").orElseThrow().active()).isTrue();
        assertThat(audit.find(new AuditQuery(null, null, "user", "ann", started, null), admin, 0, 10)
                        .getContent())
                .extracting(AuditEntry::action)
                .containsExactly("user.reactivated", "user.deactivated", "user.created");
    }

    @Test
    void searchFindsUsersByAnyOfTheirNamesAndPages() {
        for (int i = 1; i <= 5; i++) {
            users.create(new UserForm("agent" + i, "Agent " + i, Role.AGENT, null, "100" + i, null, true), admin);
        }
        users.create(new UserForm("zoe", "Zoë Lead", Role.SUPERVISOR, null, null, "zoe@example.com", true), admin);

        assertThat(users.search("agent", 0, 2).getTotalElements()).isEqualTo(5);
        assertThat(users.search("agent", 2, 2).getContent())
                .extracting(account -> account.user().username())
                .containsExactly("agent5");
        assertThat(users.search("EXAMPLE.COM", 0, 10).getContent())
                .extracting(account -> account.user().username())
                .containsExactly("zoe");
        assertThat(users.search("1003", 0, 10).getContent())
                .extracting(account -> account.user().username())
                .containsExactly("agent3");
    }

    @Test
    void aTeamIsRenamedGivenQueuesAndDeletedOnlyWhenEmpty() {
        TeamView team = teams.create("Support", admin);
        users.create(new UserForm("sue", null, Role.SUPERVISOR, "Support", null, null, true), admin);

        TeamView renamed = teams.rename(team.id(), "Customer care", admin);
        TeamView working = teams.setQueues(team.id(), List.of("support", "vip"), admin);

        assertThat(renamed.name()).isEqualTo("Customer care");
        assertThat(working.supervisors()).containsExactly("sue");
        assertThat(teams.queuesOf(new TeamId(team.id()))).containsExactly("support", "vip");
        assertThatThrownBy(() -> teams.delete(team.id(), admin))
                .isInstanceOf(DirectoryConflictException.class)
                .hasMessageContaining("1 member");
        users.update("sue", new UserForm("sue", null, Role.SUPERVISOR, null, null, null, true), admin);
        teams.delete(team.id(), admin);
        assertThat(teams.list()).extracting(TeamView::name).doesNotContain("Customer care");
        assertThatThrownBy(() -> teams.create(" ", admin))
                .isInstanceOfSatisfying(
                        InvalidUserException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void aTeamSharingContactsIsNotDeletedButRefusedNamingWhy() {
        TeamView team = teams.create("Keepers", admin);
        contacts.create(new io.switchboard.contact.NewContact(
                "Shared customer",
                null,
                null,
                null,
                new TeamId(team.id()),
                io.switchboard.contact.Visibility.TEAM,
                java.util.Set.of(),
                null,
                List.of()));

        assertThatThrownBy(() -> teams.delete(team.id(), admin))
                .isInstanceOf(DirectoryConflictException.class)
                .hasMessageContaining("1 contact");
        assertThat(teams.list()).extracting(TeamView::name).contains("Keepers");
    }

    @Autowired
    io.switchboard.contact.Contacts contacts;
}
