package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.gateway.call.PbxName;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Users' extensions per PBX with two PBXes configured, {@code a} and {@code b}: extension 1001 on each is a different
 * user, found by the agent name call events carry ({@code a:1001}, {@code b:1001}); an unknown PBX is refused naming
 * {@code pbx}, and an extension is unique on its PBX only.
 */
@PostgresTest
@TestPropertySource(properties = {"switchboard.pbxes[0].id=a", "switchboard.pbxes[1].id=b"})
class AgentsPerPbxTest {

    @Autowired
    UserAdministration users;

    @Autowired
    Directory directory;

    @Autowired
    TeamAdministration teams;

    @Autowired
    JdbcTemplate jdbc;

    Viewer admin;

    @BeforeEach
    void anAdmin() {
        Database.clear(jdbc);
        admin = directory
                .add(new NewUser("pbx-admin", null, Role.ADMIN, null, null))
                .viewer();
    }

    @Test
    void extension1001OnTwoPbxesIsTwoUsersFoundByTheAgentNameEventsCarry() {
        users.create(new UserForm("anna", null, Role.AGENT, null, "1001", null, true, "a"), admin);
        users.create(new UserForm("bert", null, Role.AGENT, null, "1001", null, true, "b"), admin);

        assertThat(directory.findByExtension("a:1001").orElseThrow().username()).isEqualTo("anna");
        assertThat(directory.findByExtension("b:1001").orElseThrow().username()).isEqualTo("bert");
        assertThat(directory.findByExtension("1001"))
                .as("1001 on the default PBX, which is not configured")
                .isEmpty();
        assertThat(directory.findByExtensions(List.of("a:1001", "b:1001", "c:1001")))
                .containsOnlyKeys("a:1001", "b:1001")
                .hasEntrySatisfying(
                        "b:1001", user -> assertThat(user.username()).isEqualTo("bert"));
        assertThat(directory.phoneOf("bert")).contains(new PbxName("b", "1001"));
        assertThat(directory.findByUsername("anna").orElseThrow().agent()).isEqualTo("a:1001");
    }

    @Test
    void aUserWithoutAPbxGetsTheFirstAndAnEditWithoutOneKeepsTheirs() {
        users.create(new UserForm("anna", null, Role.AGENT, null, "1001", null, true, "b"), admin);
        users.create(new UserForm("carl", null, Role.AGENT, null, "1002", null, true), admin);

        assertThat(directory.phoneOf("carl")).contains(new PbxName("a", "1002"));
        users.update("anna", new UserForm("anna", "Anna", Role.AGENT, null, "1003", null, true), admin);
        assertThat(directory.phoneOf("anna")).contains(new PbxName("b", "1003"));
    }

    @Test
    void anUnknownPbxIsRefusedNamingPbx() {
        assertThatThrownBy(() ->
                        users.create(new UserForm("anna", null, Role.AGENT, null, "1001", null, true, "z"), admin))
                .isInstanceOfSatisfying(
                        InvalidUserException.class, e -> assertThat(e.field()).isEqualTo("pbx"))
                .hasMessageContaining("'z'")
                .hasMessageContaining("a, b");
        assertThat(directory.findByUsername("anna")).isEmpty();
    }

    @Test
    void anExtensionIsUniqueOnItsPbxOnly() {
        users.create(new UserForm("anna", null, Role.AGENT, null, "1001", null, true, "a"), admin);

        assertThatThrownBy(() ->
                        users.create(new UserForm("bert", null, Role.AGENT, null, "1001", null, true, "a"), admin))
                .isInstanceOfSatisfying(
                        DirectoryConflictException.class,
                        e -> assertThat(e.field()).isEqualTo("extension"))
                .hasMessageContaining("on PBX 'a'")
                .hasMessageContaining("anna");
        users.create(new UserForm("bert", null, Role.AGENT, null, "1001", null, true, "b"), admin);
        assertThatThrownBy(() -> users.update(
                        "bert", new UserForm("bert", null, Role.AGENT, null, "1001", null, true, "a"), admin))
                .isInstanceOf(DirectoryConflictException.class);
    }

    @Test
    void aTeamWorksQueuesOfEachPbxByTheirPbxAndName() {
        TeamView team = teams.create("Support", admin);

        assertThat(teams.setQueues(team.id(), List.of("a:support", "b:support"), admin)
                        .queues())
                .containsExactly("a:support", "b:support");
        assertThatThrownBy(() -> teams.setQueues(team.id(), List.of("support"), admin))
                .isInstanceOfSatisfying(
                        InvalidUserException.class, e -> assertThat(e.field()).isEqualTo("queues"))
                .hasMessageContaining("no configured PBX");
        assertThatThrownBy(() -> teams.setQueues(team.id(), List.of("c:support"), admin))
                .isInstanceOf(InvalidUserException.class);
        assertThat(teams.queuesOf(new TeamId(team.id()))).containsExactly("a:support", "b:support");
    }
}
