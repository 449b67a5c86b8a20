package io.switchboard.contact;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.Database;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the contacts' Spring tests of who sees and changes what start from: an emptied database with the Support team
 * and two of its agents, Anna (1001) and Bob (1002). A subclass brings the test context and adds whom else it needs
 * in a {@code @BeforeEach} of its own, which runs after this one.
 */
abstract class SupportTeamTestBase {

    @Autowired
    Contacts contacts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    TeamId support;
    DirectoryUser anna;
    Viewer bob;

    @BeforeEach
    void annaAndBobInSupport() {
        Database.clear(jdbc);
        support = directory.team("Support");
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, support, "1001"));
        bob = directory
                .add(new NewUser("bob", "Bob", Role.AGENT, support, "1002"))
                .viewer();
    }
}
