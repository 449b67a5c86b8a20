package io.switchboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.DirectoryUser;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.StoredCalls;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The call history over HTTP: who sees which calls, every filter, sorting and paging, one call's detail, the CSV
 * export of a filter, and bad filters refused naming the field. The calls are stored in a day of 2024 and a queue of
 * this class's own, so other tests' calls in the shared database never mix in.
 */
class CallHistoryApiTest extends ApplicationOnPostgres {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Instant DAY = Instant.parse("2024-03-05T00:00:00Z");
    private static final String RANGE = "from=2024-03-05T00:00:00Z&to=2024-03-06T00:00:00Z";

    @Autowired
    private JdbcTemplate jdbc;

    private final String queue = "hist-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> callIds = new ArrayList<>();
    private long transferredCall;
    private long contactId;

    @BeforeAll
    void calls() {
        DirectoryUser agent = user(TestUser.AGENT);
        DirectoryUser teammate = user(TestUser.TEAMMATE);
        // 30 answered calls of the agent, a minute apart, waiting 0..29 s; caller numbers +49 30 5550 00xx
        for (int i = 0; i < 30; i++) {
            store(
                    "ans" + i,
                    "INBOUND",
                    "ANSWERED",
                    "+49305550" + String.format("%04d", i),
                    agent,
                    i,
                    60 + i,
                    60L * i,
                    i % 2 == 0 ? "SOLVED" : null);
        }
        // an abandoned call of nobody's team and an outbound call of the teammate to 030 5551234
        store("aband", "INBOUND", "ABANDONED", "+493055599999", null, 95, 0, 3000, null);
        store("out", "OUTBOUND", "ANSWERED", "030 5551234", teammate, 0, 20, 3100, null);
        // a call the teammate answered and transferred to the agent, who had it at the end
        transferredCall = store("xfer", "INBOUND", "ANSWERED", "+493055577777", agent, 12, 300, 3200, null);
        String xfer = callIds.get(callIds.size() - 1);
        leg(xfer, 0, teammate.extension(), 3200, true);
        leg(xfer, 1, agent.extension(), 3300, false);
        JsonNode id = JSON.readTree(call(
                                "POST",
                                "/api/v1/contacts",
                                TestUser.ADMIN,
                                "{\"name\":\"Grace Hopper\",\"visibility\":\"COMPANY\"}")
                        .body())
                .get("id");
        // an id is a number, or (where an ID record does not serialise as one yet) an object holding it
        contactId = id.isObject() ? id.get("value").asLong() : id.asLong();
        jdbc.update(
                "update activities set contact_id = ?, notes = 'wants a callback' where call_id = ?", contactId, xfer);
        assertThat(call(
                                "POST",
                                "/api/v1/tickets",
                                TestUser.ADMIN,
                                "{\"subject\":\"Broken compiler\",\"callId\":\"" + xfer + "\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void aSupervisorSeesTheirTeamsCallsAndAnAdminEveryCall() {
        assertThat(ids(page("", TestUser.SUPERVISOR))).hasSize(32);
        assertThat(ids(page("", TestUser.ADMIN))).hasSize(33);
        assertThat(ids(page("", TestUser.OTHER_SUPERVISOR))).isEmpty();
        assertThat(call("GET", "/api/v1/reports/calls?" + RANGE, TestUser.AGENT, null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void everyFilterNarrowsTheCalls() {
        assertThat(ids(page("&outcome=abandoned", TestUser.ADMIN))).hasSize(1);
        assertThat(ids(page("&direction=OUTBOUND", TestUser.ADMIN))).hasSize(1);
        assertThat(ids(page("&waitOver=25", TestUser.ADMIN)))
                .as("26..29 s, and the 95 s abandon")
                .hasSize(5);
        assertThat(ids(page("&talkOver=88", TestUser.ADMIN)))
                .as("89 s and the 300 s transfer")
                .hasSize(2);
        assertThat(ids(page("&disposition=SOLVED", TestUser.ADMIN))).hasSize(15);
        assertThat(ids(page("&transferred=true", TestUser.ADMIN))).containsExactly(transferredCall);
        assertThat(ids(page("&transferred=false", TestUser.ADMIN))).hasSize(32);
        assertThat(ids(page("&agent=" + TestUser.TEAMMATE.extension, TestUser.ADMIN)))
                .as("the outbound call, and the call the teammate transferred on")
                .hasSize(2)
                .contains(transferredCall);
        // the same customer written three ways
        for (String number : List.of("%2B49%2030%20555%2077777", "0305557-7777", "004930555777%2077")) {
            assertThat(ids(page("&number=" + number, TestUser.ADMIN)))
                    .as(number)
                    .containsExactly(transferredCall);
        }
        assertThat(ids(page("&number=030%205551234", TestUser.ADMIN)))
                .as("an outbound call's callee")
                .hasSize(1);
    }

    @Test
    void pagesAreSortedAndSayWhetherAnotherFollows() {
        JsonNode first = page("&sort=wait&order=desc&size=10", TestUser.ADMIN);
        assertThat(first.get("hasNext").asBoolean()).isTrue();
        List<Integer> waits = new ArrayList<>();
        first.get("items").forEach(item -> waits.add(item.get("waitSeconds").asInt()));
        assertThat(waits).startsWith(95, 29, 28).isSortedAccordingTo((a, b) -> b - a);
        JsonNode last = page("&sort=wait&order=desc&size=10&page=3", TestUser.ADMIN);
        assertThat(last.get("items")).hasSize(3);
        assertThat(last.get("hasNext").asBoolean()).isFalse();
        JsonNode oldest = page("&order=asc&size=1", TestUser.ADMIN);
        assertThat(oldest.get("items").get(0).get("callId").asText()).isEqualTo(callIds.get(0));
    }

    @Test
    void aCallsDetailHasItsPathContactNotesAndTicket() {
        JsonNode detail =
                JSON.readTree(call("GET", "/api/v1/reports/calls/" + transferredCall, TestUser.SUPERVISOR, null)
                        .body());
        JsonNode call = detail.get("call");
        assertThat(call.get("path")).hasSize(2);
        assertThat(call.get("path").get(0).get("agentExtension").asText()).isEqualTo(TestUser.TEAMMATE.extension);
        assertThat(call.get("path").get(0).get("transferred").asBoolean()).isTrue();
        assertThat(call.get("contactName").asText()).isEqualTo("Grace Hopper");
        assertThat(call.get("notes").asText()).isEqualTo("wants a callback");
        assertThat(detail.get("tickets").get(0).get("subject").asText()).isEqualTo("Broken compiler");
        assertThat(call("GET", "/api/v1/reports/calls/" + transferredCall, TestUser.OTHER_SUPERVISOR, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theExportHasEveryCallOfTheFilterInItsOrder() {
        HttpResponse<String> csv = call(
                "GET",
                "/api/v1/reports/calls.csv?" + RANGE + "&queue=" + queue + "&order=asc",
                TestUser.SUPERVISOR,
                null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(1 + 32);
        assertThat(lines[0]).startsWith("\"id\",\"call_id\",\"started_at\"");
        assertThat(lines[1]).contains(callIds.get(0)).contains("\"'+493055500000\"");
        assertThat(csv.body()).doesNotContain("aband");
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        assertProblem("&waitOver=abc", "waitOver");
        assertProblem("&talkOver=-1", "talkOver");
        assertProblem("&direction=sideways", "direction");
        assertProblem("&outcome=lost", "outcome");
        assertProblem("&sort=colour", "sort");
        assertProblem("&order=up", "order");
        assertProblem("&transferred=maybe", "transferred");
        assertProblem("&number=call-me", "number");
        assertProblem("&size=500", "size");
        HttpResponse<String> badTime = call("GET", "/api/v1/reports/calls?from=yesterday", TestUser.ADMIN, null);
        assertField(badTime, "from");
        assertField(
                call(
                        "GET",
                        "/api/v1/reports/calls?from=2024-03-06T00:00:00Z&to=2024-03-05T00:00:00Z",
                        TestUser.ADMIN,
                        null),
                "to");
        assertField(
                call(
                        "GET",
                        "/api/v1/reports/calls.csv?from=2020-01-01T00:00:00Z&to=2024-01-01T00:00:00Z",
                        TestUser.ADMIN,
                        null),
                "to");
    }

    private void assertProblem(String filter, String field) {
        assertField(call("GET", "/api/v1/reports/calls?" + RANGE + filter, TestUser.ADMIN, null), field);
    }

    private static void assertField(HttpResponse<String> response, String field) {
        Api.assertRefused(response, field);
    }

    private JsonNode page(String filter, TestUser user) {
        HttpResponse<String> response = call(
                "GET",
                "/api/v1/reports/calls?" + RANGE + "&queue=" + queue + (filter.contains("size=") ? "" : "&size=200")
                        + filter,
                user,
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private long store(
            String name,
            String direction,
            String outcome,
            String number,
            DirectoryUser agent,
            int wait,
            int talk,
            long secondsIntoDay,
            String disposition) {
        String callId = queue + "-" + name;
        callIds.add(callId);
        return new StoredCalls(jdbc)
                .call(
                        callId,
                        direction,
                        outcome,
                        number,
                        queue,
                        agent,
                        DAY.plusSeconds(secondsIntoDay),
                        wait,
                        talk,
                        disposition);
    }

    private void leg(String callId, int seq, String extension, long secondsIntoDay, boolean transferred) {
        Instant started = DAY.plusSeconds(secondsIntoDay);
        new StoredCalls(jdbc).leg(callId, seq, queue, extension, started, started.plusSeconds(100), transferred);
    }
}
