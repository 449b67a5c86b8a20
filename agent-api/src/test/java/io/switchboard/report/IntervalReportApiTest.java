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

/** Interval reports over HTTP: JSON and CSV of a queue's day, and bad parameters refused naming the field. */
class IntervalReportApiTest extends ApplicationOnPostgres {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Autowired
    private JdbcTemplate jdbc;

    private final String queue = "ivl-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void calls() {
        // 2024-04-02 (UTC, the tests' zone): three answered calls at 10:xx, one abandoned at 11:05
        store("a1", "ANSWERED", "7001", 4, 100, "2024-04-02T10:01:00Z");
        store("a2", "ANSWERED", "7001", 8, 200, "2024-04-02T10:20:00Z");
        store("a3", "ANSWERED", "7002", 40, 300, "2024-04-02T10:59:59Z");
        store("x1", "ABANDONED", null, 70, 0, "2024-04-02T11:05:00Z");
        // written behind the server's back: the admins' rebuild command rolls them up for the reports
        HttpResponse<String> rebuilt =
                call("POST", "/api/v1/reports/rollup/rebuild?from=2024-04-02&to=2024-04-02", TestUser.ADMIN, null);
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(JSON.readTree(rebuilt.body()).get("calls").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aQueuesDayByHourAsJson() {
        HttpResponse<String> response = call(
                "GET",
                "/api/v1/reports/intervals?from=2024-04-02&to=2024-04-02&step=hour&queue=" + queue,
                TestUser.SUPERVISOR,
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        JsonNode queueReport = report.get("queues").get(0);
        assertThat(queueReport.get("queue").asText()).isEqualTo(queue);
        assertThat(queueReport.get("intervals")).hasSize(24);
        JsonNode ten = queueReport.get("intervals").get(10);
        assertThat(ten.get("start").asText()).isEqualTo("2024-04-02T10:00:00Z");
        assertThat(ten.get("offered").asLong()).isEqualTo(3);
        assertThat(ten.get("averageTalkSeconds").asDouble()).isEqualTo(200.0);
        assertThat(ten.get("p90WaitSeconds").asLong()).isEqualTo(40);
        assertThat(ten.get("serviceLevel").asDouble()).isEqualTo(2 / 3.0);
        assertThat(ten.get("answeredByAgent").get("7001").asLong()).isEqualTo(2);
        JsonNode total = queueReport.get("total");
        assertThat(total.get("offered").asLong()).isEqualTo(4);
        assertThat(total.get("longestWaitSeconds").asLong()).isEqualTo(70);
        assertThat(queueReport.get("serviceLevelFormula").asText()).startsWith("answered within 20 s");
    }

    @Test
    void theSameReportAsCsvHasALinePerInterval() {
        HttpResponse<String> csv = call(
                "GET",
                "/api/v1/reports/intervals.csv?from=2024-04-02&to=2024-04-02&step=day&queue=" + queue,
                TestUser.ADMIN,
                null);
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("\"queue\",\"start\",\"end\",\"offered\"");
        assertThat(lines[1])
                .startsWith(
                        "\"" + queue + "\",\"2024-04-02T00:00:00Z\",\"2024-04-03T00:00:00Z\",\"4\",\"3\",\"1\",\"0\",")
                .endsWith("\"7001:2 7002:1\"");
    }

    @Test
    void theRebuildCommandRefusesHalfARangeNamingTheField() {
        HttpResponse<String> response =
                call("POST", "/api/v1/reports/rollup/rebuild?from=2024-04-02", TestUser.ADMIN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("to");
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        assertField("from=2024-04-02&to=2024-04-01", "to");
        assertField("from=April&to=2024-04-02", "from");
        assertField("from=2024-04-03&to=2024-04-02", "to");
        assertField("from=2024-04-02&to=2024-04-02&step=fortnight", "step");
        assertField("from=2020-01-01&to=2024-04-02&step=day", "to");
        assertField("from=2024-01-01&to=2024-04-02&step=quarter-hour", "step");
        assertThat(call("GET", "/api/v1/reports/intervals?from=2024-04-02&to=2024-04-02", TestUser.AGENT, null)
                        .statusCode())
                .isEqualTo(403);
    }

    private void assertField(String query, String field) {
        Api.assertRefused(call("GET", "/api/v1/reports/intervals?" + query, TestUser.ADMIN, null), field);
    }

    private void store(String name, String outcome, String agent, int wait, int talk, String started) {
        Instant start = Instant.parse(started);
        OffsetDateTime end = OffsetDateTime.ofInstant(start.plusSeconds(wait + talk), ZoneOffset.UTC);
        jdbc.update(
                "insert into activities (call_id, direction, outcome, queue, agent_extension, started_at, ended_at,"
                        + " ring_seconds, wait_seconds, talk_seconds, reconciled, recorded_at, version)"
                        + " values (?, 'INBOUND', ?, ?, ?, ?, ?, 2, ?, ?, false, ?, 0)",
                queue + "-" + name,
                outcome,
                queue,
                agent,
                OffsetDateTime.ofInstant(start, ZoneOffset.UTC),
                end,
                wait,
                talk,
                end);
    }
}
