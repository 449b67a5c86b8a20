package io.switchboard.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.testing.PostgresTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The agent sessions' events are the report's history: PostgreSQL refuses to change or delete one. */
@PostgresTest
class AgentEventsAppendOnlyTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void postgresRefusesToUpdateOrDeleteAnAgentEvent() {
        String agent = "ap-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update(
                "insert into agent_events (agent, kind, occurred_at, queue, state) values"
                        + " (?, 'STATE', current_timestamp, 'support', 'LOGGED_IN')",
                agent);

        assertThatThrownBy(() -> jdbc.update("update agent_events set state = 'PAUSED' where agent = ?", agent))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from agent_events where agent = ?", agent))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select state from agent_events where agent = ?", String.class, agent))
                .isEqualTo("LOGGED_IN");
    }
}
