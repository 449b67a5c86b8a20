package io.switchboard.knowledge;

import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.Database;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the knowledge base's tests start from: an emptied database with a supervisor, who may publish, and an agent,
 * who may propose drafts. A subclass brings the Spring test context (PostgreSQL or H2).
 */
abstract class KnowledgeBaseTest {

    static final String SUPERVISOR = "kb-supervisor";

    @Autowired
    KnowledgeBase knowledgeBase;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    Viewer supervisor;
    Viewer agent;

    @BeforeEach
    void aSupervisorAndAnAgent() {
        Database.clear(jdbc);
        supervisor = user(SUPERVISOR, "Sue", Role.SUPERVISOR);
        agent = user("kb-agent", "Al", Role.AGENT);
    }

    /** A user without a team, as whom the test acts. */
    Viewer user(String username, String name, Role role) {
        return directory.add(new NewUser(username, name, role, null, null)).viewer();
    }
}
