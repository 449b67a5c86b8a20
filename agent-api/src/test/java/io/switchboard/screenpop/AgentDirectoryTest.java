package io.switchboard.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.testing.ApplicationOnPostgres;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The extension-to-user cache of pops on the real directory: one miss loads everybody, and newcomers still count. */
class AgentDirectoryTest extends ApplicationOnPostgres {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstMissLoadsEveryUserWithAnExtension() {
        DirectoryUser dora = agent("dora");
        DirectoryUser emil = agent("emil");
        AgentDirectory agents = new AgentDirectory(directory, Duration.ofMinutes(5));

        assertThat(agents.userOf(dora.extension())).contains(dora);
        // gone from the table now: only the load on dora's ring can have remembered emil
        jdbc.update("update users set extension = null where id = ?", emil.id().value());

        assertThat(agents.userOf(emil.extension())).contains(emil);
        assertThat(new AgentDirectory(directory, Duration.ofMinutes(5)).userOf(emil.extension()))
                .isEmpty();
    }

    @Test
    void aUserAddedJustAfterTheLoadIsFoundAtOnceAndAnUnknownExtensionIsNobody() {
        DirectoryUser dora = agent("dora");
        AgentDirectory agents = new AgentDirectory(directory, Duration.ofMinutes(5));
        assertThat(agents.userOf(dora.extension())).contains(dora);

        DirectoryUser fred = agent("fred");

        assertThat(agents.userOf(fred.extension())).contains(fred);
        assertThat(agents.userOf("no-such-extension")).isEmpty();
    }

    private DirectoryUser agent(String name) {
        String unique = name + "-" + System.nanoTime();
        String extension = "7" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        return directory.add(new NewUser(unique, name, Role.AGENT, null, extension));
    }
}
