package io.switchboard.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The PBX's queues learned from the simulator, their settings over the API, and the figures that use them. */
class QueueSettingsApiTest extends ApplicationOnPostgres {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void queuesTheSimulatorHasAppearWithTheDefaults() {
        // the simulator's queues, listed by QueueStatus after the gateway logged in: no call has been made in them
        JsonNode sales = await().atMost(Duration.ofSeconds(20)).until(() -> queue("sales"), found -> found != null);
        assertThat(sales.get("displayName").isNull()).isTrue();
        assertThat(sales.get("serviceLevelSeconds").isNull()).isTrue();
        assertThat(sales.get("effective").get("serviceLevelSeconds").asInt()).isEqualTo(20);
        assertThat(sales.get("effective").get("serviceLevelTargetPercent").asInt())
                .isEqualTo(80);
        assertThat(sales.get("effective").get("wrapUpSeconds").asLong()).isEqualTo(10);
    }

    @Test
    void aQueuesOwnThresholdChangesItsServiceLevelOnTheWallboardAtOnce() {
        String queue = "sales";
        long answeredBefore = answered(queue);
        // answered after 12 simulated seconds of ringing: within the default 20 s, not within 1 s
        simulator
                .run(new QueueCallAnswered(
                        new Caller("+4930555000111", "Threshold Caller", "500"),
                        queue,
                        TestUser.AGENT.extension,
                        12,
                        1,
                        HangupBy.CALLER))
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
        JsonNode before = await().atMost(Duration.ofSeconds(20))
                .until(() -> wallboard(queue), found -> answered(found) > answeredBefore);
        double levelBefore = before.get("today").get("serviceLevel").asDouble();
        assertThat(levelBefore).isPositive();

        long auditedBefore = queueUpdatesAudited(queue);
        HttpResponse<String> changed = call(
                "PUT",
                "/api/v1/queue-settings/" + queue,
                TestUser.ADMIN,
                "{\"displayName\": \"Threshold line\", \"team\": \"" + TestUser.SUPPORT
                        + "\", \"serviceLevelSeconds\": 1, \"serviceLevelTargetPercent\": 90, \"wrapUpSeconds\": 30}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode stored = Api.json(changed);
        assertThat(stored.get("team").asText()).isEqualTo(TestUser.SUPPORT);
        assertThat(stored.get("effective").get("serviceLevelTargetPercent").asInt())
                .isEqualTo(90);

        JsonNode after = wallboard(queue);
        assertThat(after.get("displayName").asText()).isEqualTo("Threshold line");
        // that call no longer meets the service level (alone in the queue: 100 % to 0 %)
        assertThat(after.get("today").get("serviceLevel").asDouble()).isLessThan(levelBefore);
        assertThat(after.get("today").get("serviceLevelFormula").asText()).startsWith("answered within 1 s");
        // other classes on this shared database change this queue's settings too (as the admin): count this change only
        assertThat(queueUpdatesAudited(queue)).isEqualTo(auditedBefore + 1);

        // back to the defaults: null settings
        assertThat(call("PUT", "/api/v1/queue-settings/" + queue, TestUser.ADMIN, "{}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(wallboard(queue).get("today").get("serviceLevel").asDouble()).isEqualTo(levelBefore);
    }

    @Test
    void badSettingsAreProblemsNamingTheField() {
        await().atMost(Duration.ofSeconds(20)).until(() -> queue("support"), found -> found != null);
        HttpResponse<String> zero =
                call("PUT", "/api/v1/queue-settings/support", TestUser.ADMIN, "{\"serviceLevelSeconds\": 0}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("serviceLevelSeconds");
        HttpResponse<String> target =
                call("PUT", "/api/v1/queue-settings/support", TestUser.ADMIN, "{\"serviceLevelTargetPercent\": 100}");
        assertThat(target.statusCode()).isEqualTo(400);
        assertThat(target.body()).contains("serviceLevelTargetPercent");
        HttpResponse<String> team =
                call("PUT", "/api/v1/queue-settings/support", TestUser.ADMIN, "{\"team\": \"No Such Team\"}");
        assertThat(team.statusCode()).isEqualTo(400);
        assertThat(team.body()).contains("\"field\":\"team\"").contains("No Such Team");
        HttpResponse<String> unknown = call("PUT", "/api/v1/queue-settings/never-heard-of", TestUser.ADMIN, "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private long answered(String queue) {
        return answered(wallboard(queue));
    }

    private static long answered(JsonNode queue) {
        return queue == null || queue.get("today").isNull()
                ? 0
                : queue.get("today").get("answered").asLong();
    }

    private JsonNode queue(String name) {
        HttpResponse<String> response = call("GET", "/api/v1/queue-settings", TestUser.ADMIN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode queue : Api.json(response)) {
            if (queue.get("name").asText().equals(name)) {
                return queue;
            }
        }
        return null;
    }

    private JsonNode wallboard(String name) {
        HttpResponse<String> response = call("GET", "/api/v1/queues", TestUser.SUPERVISOR, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode queue : Api.json(response)) {
            if (queue.get("name").asText().equals(name)) {
                return queue;
            }
        }
        return null;
    }

    private long queueUpdatesAudited(String queue) {
        return jdbc.queryForObject(
                "select count(*) from audit_log where subject_type = 'queue' and subject_id = ?"
                        + " and action = 'queue.update' and actor = ?",
                Long.class,
                queue,
                TestUser.ADMIN.username);
    }
}
