package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class DirectoryTest {

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        Database.clear(jdbc);
    }

    @Test
    void ringingExtensionLeadsToTheAgentAndTheirTeam() {
        TeamId support = directory.team("Support");
        DirectoryUser anna = directory.add(new NewUser("anna", "Anna Agent", Role.AGENT, support, "1001"));

        DirectoryUser found = directory.findByExtension("1001").orElseThrow();

        assertThat(found).isEqualTo(anna);
        assertThat(found.viewer()).isEqualTo(new Viewer(anna.id(), Role.AGENT, support));
        assertThat(directory.findByExtension("1002")).isEmpty();
    }

    @Test
    void teamNamesAreUnique() {
        assertThat(directory.team("Support")).isEqualTo(directory.team(" Support "));
    }

    @Test
    void usernameCanBeTakenOnlyOnce() {
        directory.add(new NewUser("anna", null, Role.AGENT, null, null));

        assertThatThrownBy(() -> directory.add(new NewUser("anna", null, Role.ADMIN, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taken");
    }

    @Test
    void userWithoutDisplayNameIsShownByUsername() {
        DirectoryUser admin = directory.add(new NewUser("root", " ", Role.ADMIN, null, null));

        assertThat(directory.findByUsername("root").orElseThrow().displayName()).isEqualTo("root");
        assertThat(admin.team()).isNull();
    }
}
