package io.switchboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaign reports over HTTP: a campaign's two days of attempts counted per outcome, leads reached once however often
 * reached, the abandon rate against the cap, dispositions and agents; JSON and CSV; bad parameters refused.
 */
class CampaignReportApiTest extends ApplicationOnPostgres {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Autowired
    private JdbcTemplate jdbc;

    private long campaign;

    // a valid campaign (the role matrix lists every campaign in the same database), paused: nothing dials it

    @BeforeAll
    void twoDaysOfAttempts() {
        campaign = jdbc.queryForObject(
                "insert into campaigns (name, status, dial_mode, queue, weekly_hours, closed_days, max_attempts,"
                        + " retry_delay_seconds, lead_order, abandon_cap, created_at, updated_at)"
                        + " values (?, 'PAUSED', 'PREDICTIVE', 'campaign', '[\"MON-FRI 09:00-17:00\"]', '[]', 3, '{}', 'DUE_FIRST', 0.03,"
                        + " now(), now())"
                        + " returning id",
                Long.class,
                "Report test " + UUID.randomUUID());
        long anna = lead("+4930555100001");
        long bert = lead("+4930555100002");
        long cleo = lead("+4930555100003");
        // 2024-06-03: anna reached twice by the agent (a sale, then a callback), bert busy then abandoned, cleo
        // reached by the teammate; 2024-06-04: one machine
        attempt(anna, "2024-06-03T09:00:00Z", "HUMAN_ANSWERED", TestUser.AGENT, "CALLBACK");
        attempt(anna, "2024-06-03T15:00:00Z", "HUMAN_ANSWERED", TestUser.AGENT, "SALE");
        attempt(bert, "2024-06-03T09:05:00Z", "BUSY", null, null);
        attempt(bert, "2024-06-03T11:00:00Z", "ABANDONED", null, null);
        attempt(cleo, "2024-06-03T10:00:00Z", "HUMAN_ANSWERED", TestUser.TEAMMATE, "SALE");
        attempt(cleo, "2024-06-04T10:00:00Z", "MACHINE", null, null);
    }

    @Test
    void aCampaignsDaysAsJson() {
        HttpResponse<String> response = call(
                "GET",
                "/api/v1/reports/campaigns?from=2024-06-03&to=2024-06-04&campaign=" + campaign,
                TestUser.CAMPAIGN_MANAGER,
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode days = JSON.readTree(response.body()).get("days");
        assertThat(days).hasSize(2);
        JsonNode first = days.get(0);
        assertThat(first.get("day").asText()).isEqualTo("2024-06-03");
        assertThat(first.get("campaign").asLong()).isEqualTo(campaign);
        assertThat(first.get("attempts").asLong()).isEqualTo(5);
        assertThat(first.get("attemptsByOutcome").get("HUMAN_ANSWERED").asLong())
                .isEqualTo(3);
        assertThat(first.get("attemptsByOutcome").get("BUSY").asLong()).isEqualTo(1);
        assertThat(first.get("contactsReached").asLong()).isEqualTo(2);
        assertThat(first.get("abandonRate").asDouble()).isEqualTo(0.25);
        assertThat(first.get("abandonCap").asDouble()).isEqualTo(0.03);
        assertThat(first.get("overCap").asBoolean()).isTrue();
        assertThat(first.get("dispositions").get("SALE").asLong()).isEqualTo(2);
        assertThat(first.get("dispositions").get("CALLBACK").asLong()).isEqualTo(1);
        JsonNode agent = first.get("agents").get(0);
        assertThat(agent.get("agent").asText()).isEqualTo(TestUser.AGENT.username);
        assertThat(agent.get("calls").asLong()).isEqualTo(2);
        assertThat(agent.get("dispositions").get("SALE").asLong()).isEqualTo(1);
        assertThat(first.get("agents").get(1).get("agent").asText()).isEqualTo(TestUser.TEAMMATE.username);

        JsonNode second = days.get(1);
        assertThat(second.get("attemptsByOutcome").get("MACHINE").asLong()).isEqualTo(1);
        assertThat(second.get("contactsReached").asLong()).isZero();
        assertThat(second.get("abandonRate").isNull()).isTrue();
        assertThat(second.get("overCap").asBoolean()).isFalse();
    }

    @Test
    void theSameReportAsCsvHasALinePerCampaignAndDay() {
        HttpResponse<String> csv = call(
                "GET",
                "/api/v1/reports/campaigns.csv?from=2024-06-03&to=2024-06-04&campaign=" + campaign,
                TestUser.SUPERVISOR,
                null);
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .isEqualTo("\"day\",\"campaign_id\",\"campaign\",\"attempts\",\"human_answered\",\"machine\",\"busy\","
                        + "\"no_answer\",\"failed\",\"abandoned\",\"dnc_blocked\",\"contacts_reached\",\"abandon_rate\","
                        + "\"abandon_cap\",\"over_cap\",\"dispositions\",\"agents\"");
        assertThat(lines[1])
                .startsWith("\"2024-06-03\",\"" + campaign + "\",")
                .contains(",\"5\",\"3\",\"0\",\"1\",\"0\",\"0\",\"1\",\"0\",\"2\",\"0.25\",\"0.03\",\"true\",")
                .endsWith(",\"CALLBACK:1 SALE:2\",\"rm-agent:2 rm-teammate:1\"");
    }

    @Test
    void agentsMayNotAndBadParametersAreProblemsNamingTheField() {
        assertThat(call("GET", "/api/v1/reports/campaigns?from=2024-06-03", TestUser.AGENT, null)
                        .statusCode())
                .isEqualTo(403);
        assertField("from=2024-06-04&to=2024-06-03", "to");
        assertField("from=June", "from");
        assertField("from=2024-06-03&campaign=winter", "campaign");
        assertField("from=2020-01-01&to=2024-06-03", "to");
    }

    private void assertField(String query, String field) {
        Api.assertRefused(call("GET", "/api/v1/reports/campaigns?" + query, TestUser.ADMIN, null), field);
    }

    private long lead(String number) {
        return jdbc.queryForObject(
                "insert into leads (campaign_id, e164, name, timezone, status, priority, attempts, next_attempt_at,"
                        + " created_at, updated_at) values (?, ?, ?, 'Europe/Berlin', 'DONE', 0, 0, now(), now(), now())"
                        + " returning id",
                Long.class,
                campaign,
                number,
                number);
    }

    private void attempt(long lead, String started, String outcome, TestUser agent, String disposition) {
        OffsetDateTime start = OffsetDateTime.ofInstant(Instant.parse(started), ZoneOffset.UTC);
        jdbc.update(
                "insert into lead_attempts (lead_id, campaign_id, agent_id, agent_extension, started_at, ended_at,"
                        + " outcome, disposition) values (?, ?, ?, ?, ?, ?, ?, ?)",
                lead,
                campaign,
                agent == null ? null : user(agent).id().value(),
                agent == null ? null : agent.extension,
                start,
                start.plusMinutes(2),
                outcome,
                disposition);
    }
}
