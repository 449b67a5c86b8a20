package io.switchboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agent sessions over HTTP: a stored day of two agents of one team, seen by each as the rules say (the agent their
 * own, their supervisor both, another team's supervisor neither, an admin both), as JSON and CSV; bad parameters are
 * problems naming the field.
 */
class AgentSessionReportApiTest extends ApplicationOnPostgres {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String DAY = "2024-05-06";
    private static final String QUERY = "/api/v1/reports/agent-sessions?from=" + DAY + "&to=" + DAY;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeAll
    void aDayOfTwoAgents() {
        // agent_events are append-only: this day (2024-05-06) is this class's own, no other test writes on it
        // the agent: 08:00-12:00, lunch 10:00-10:30, a 10-minute call at 09:00 with 60 s wrap-up, a missed ring
        state(TestUser.AGENT, "08:00", "LOGGED_IN", null);
        call(TestUser.AGENT, "09:00", "09:10", 60);
        state(TestUser.AGENT, "10:00", "PAUSED", "Lunch");
        state(TestUser.AGENT, "10:30", "LOGGED_IN", null);
        ring(TestUser.AGENT, "11:00");
        state(TestUser.AGENT, "12:00", "LOGGED_OUT", null);
        // the teammate: one hour, idle
        state(TestUser.TEAMMATE, "14:00", "LOGGED_IN", null);
        state(TestUser.TEAMMATE, "15:00", "LOGGED_OUT", null);
    }

    @Test
    void anAgentSeesTheirOwnDay() {
        JsonNode days = days(TestUser.AGENT);
        assertThat(days).hasSize(1);
        JsonNode day = days.get(0);
        assertThat(day.get("agent").asText()).isEqualTo(TestUser.AGENT.extension);
        assertThat(day.get("username").asText()).isEqualTo(TestUser.AGENT.username);
        assertThat(day.get("loggedInSeconds").asLong()).isEqualTo(4 * 3600);
        assertThat(day.get("pausedByReason").get("Lunch").asLong()).isEqualTo(1800);
        assertThat(day.get("talkSeconds").asLong()).isEqualTo(600);
        assertThat(day.get("wrapUpSeconds").asLong()).isEqualTo(60);
        assertThat(day.get("idleSeconds").asLong()).isEqualTo(4 * 3600 - 1800 - 600 - 60);
        assertThat(day.get("callsTaken").asLong()).isEqualTo(1);
        assertThat(day.get("ringsNotAnswered").asLong()).isEqualTo(1);
        assertThat(day.get("occupancy").asDouble()).isEqualTo(660.0 / (4 * 3600 - 1800));
    }

    @Test
    void supervisorsSeeTheirTeamAndAdminsEveryone() {
        assertThat(agents(TestUser.SUPERVISOR)).contains(TestUser.AGENT.extension, TestUser.TEAMMATE.extension);
        assertThat(agents(TestUser.ADMIN)).contains(TestUser.AGENT.extension, TestUser.TEAMMATE.extension);
        assertThat(agents(TestUser.OTHER_SUPERVISOR))
                .doesNotContain(TestUser.AGENT.extension, TestUser.TEAMMATE.extension);
        assertThat(agents(TestUser.TEAMMATE)).containsExactly(TestUser.TEAMMATE.extension);
        assertThat(call("GET", QUERY, TestUser.CAMPAIGN_MANAGER, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theSameReportAsCsvHasALinePerAgentAndDay() {
        HttpResponse<String> csv = call(
                "GET",
                "/api/v1/reports/agent-sessions.csv?from=" + DAY + "&agent=" + TestUser.AGENT.extension,
                TestUser.SUPERVISOR,
                null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("\"day\",\"agent\",\"username\",\"logged_in_seconds\"");
        assertThat(lines[1])
                .startsWith("\"" + DAY + "\",\"7001\",\"rm-agent\",\"14400\",\"1800\",\"Lunch:1800\",\"600\",\"60\",")
                .endsWith(",\"1\",\"1\"");
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        assertField("from=2024-05-07&to=2024-05-06", "to");
        assertField("from=May&to=2024-05-06", "from");
        assertField("from=2020-01-01&to=2024-05-06", "to");
        assertField("from=2024-05-06&agent=7001%27%20or%201=1", "agent");
    }

    private JsonNode days(TestUser user) {
        HttpResponse<String> response = call("GET", QUERY, user, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("days");
    }

    private java.util.List<String> agents(TestUser user) {
        java.util.List<String> agents = new java.util.ArrayList<>();
        days(user).forEach(day -> agents.add(day.get("agent").asText()));
        return agents;
    }

    private void assertField(String query, String field) {
        Api.assertRefused(call("GET", "/api/v1/reports/agent-sessions?" + query, TestUser.ADMIN, null), field);
    }

    private void state(TestUser agent, String time, String state, String reason) {
        insert(agent, "STATE", time, "support", state, reason, null, null, 0);
    }

    private void call(TestUser agent, String answered, String ended, int wrapUp) {
        insert(agent, "CALL", answered, "support", null, null, "sessions-" + answered, at(ended), wrapUp);
    }

    private void ring(TestUser agent, String time) {
        insert(agent, "RING_MISSED", time, null, null, null, "sessions-ring-" + time, null, 0);
    }

    private void insert(
            TestUser agent,
            String kind,
            String time,
            String queue,
            String state,
            String reason,
            String callId,
            OffsetDateTime ended,
            int wrapUp) {
        jdbc.update(
                "insert into agent_events (agent, user_id, kind, occurred_at, queue, state, reason, call_id, ended_at,"
                        + " wrap_up_seconds) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                agent.extension,
                user(agent).id().value(),
                kind,
                at(time),
                queue,
                state,
                reason,
                callId,
                ended,
                wrapUp);
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.ofInstant(Instant.parse(DAY + "T" + time + ":00Z"), ZoneOffset.UTC);
    }
}
