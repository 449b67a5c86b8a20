package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo as a newcomer starts it: simulator, gateway, calls flowing, health and metrics served. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoApplicationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void simulatorOnAFreePort(DynamicPropertyRegistry registry) throws IOException {
        int amiPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            amiPort = socket.getLocalPort();
        }
        registry.add("switchboard.ami.port", () -> amiPort);
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("switchboard.simulator.time-scale", () -> 20);
        registry.add("switchboard.simulator.calls-per-second", () -> 1);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            String credentials = user + ":switchboard";
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        return get(path, "admin").body();
    }

    @Test
    void theDemoTracksSimulatedCallsAndReportsThemInHealthAndMetrics() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(get("/actuator/health")).contains("\"amiLink\"").contains("\"state\":\"UP\"");
            String metrics = get("/actuator/prometheus");
            assertThat(metrics).contains("switchboard_calls_started_total");
            // AMI field values the logging configuration silences are still counted
            assertThat(metrics).contains("switchboard_ami_events_malformed_total");
            assertThat(metrics)
                    .containsPattern(
                            "switchboard_calls_ended_total\\{direction=\"inbound\",outcome=\"answered\"} [1-9]");
            assertThat(metrics).containsPattern("switchboard_activities_written_total [1-9]");
        });
    }

    @Test
    void seededUsersLogInAndSeeTheSeededContactsAndTheCallLog() throws Exception {
        HttpResponse<String> contacts = get("/api/v1/contacts?q=lovelace", "agent1");
        assertThat(contacts.statusCode()).isEqualTo(200);
        assertThat(contacts.body()).contains("Ada Lovelace").contains("+49301000000");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(get("/api/v1/activities", "supervisor").body())
                                .contains("\"direction\":\"INBOUND\""));
    }

    /** The reports' SQL (the digits of a number, transfers, intervals as a tree of comparisons) runs on H2 too. */
    @Test
    void theDemosCallsShowInTheReportsOnTheEmbeddedDatabase() throws Exception {
        String number = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            HttpResponse<String> calls =
                                    get("/api/v1/reports/calls?transferred=false&sort=wait", "admin");
                            assertThat(calls.statusCode()).as(calls.body()).isEqualTo(200);
                            return calls.body().replaceAll("(?s).*?\"callerNumber\":\"\\+49([0-9]+)\".*", "$1");
                        },
                        found -> found.matches("[0-9]+"));
        // the same caller written the way people dial from abroad, with spaces
        String dialled = "0049%20" + number.substring(0, 2) + "%20" + number.substring(2);
        HttpResponse<String> found = get("/api/v1/reports/calls?number=" + dialled, "admin");
        assertThat(found.body()).contains("\"callerNumber\":\"+49" + number + "\"");
        HttpResponse<String> report = get("/api/v1/reports/intervals?step=quarter-hour", "supervisor");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("\"queue\":\"load\"").containsPattern("\"offered\":[1-9]");
        assertThat(get("/api/v1/reports/calls.csv?outcome=answered", "admin").body())
                .startsWith("\"id\",\"call_id\"");
    }

    /** A newcomer finds the ticket workbench and the likely duplicates filled without doing anything first. */
    @Test
    void theWorkbenchAndALikelyDuplicateAreSeeded() throws Exception {
        JsonNode agent1Queue = json(get("/api/v1/tickets/workbench?view=TIERS", "agent1"));
        assertThat(subjects(agent1Queue)).contains("Printer offline since the firmware update");
        assertThat(subjects(json(get("/api/v1/tickets/workbench?view=MINE", "agent1"))))
                .contains("Invoice shows the wrong VAT rate");

        JsonNode active = json(get("/api/v1/tickets/workbench?view=ALL&size=50", "admin"));
        List<String> tiers = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        active.path("items").forEach(ticket -> {
            tiers.add(ticket.path("tier").asText());
            statuses.add(ticket.path("status").asText());
            ticket.path("sla").forEach(clock -> {
                String left = clock.path("left").asText();
                if (!clock.hasNonNull("metAt") && (left.startsWith("PT-") || left.equals("PT0S"))) {
                    overdue.add(ticket.path("subject").asText());
                }
            });
        });
        assertThat(tiers).contains("Tier 1").filteredOn("Tier 2"::equals).hasSizeGreaterThanOrEqualTo(2);
        assertThat(statuses).contains("NEW", "OPEN", "PENDING_CUSTOMER");
        assertThat(overdue).containsExactly("Phone line drops after 30 seconds");
        assertThat(subjects(json(get("/api/v1/tickets/workbench?view=ALL&status=RESOLVED", "admin"))))
                .containsExactly("Refund not received");

        JsonNode grace = json(get("/api/v1/contacts?q=grace%20hopper", "agent1"))
                .path("items")
                .get(0);
        assertThat(grace.path("name").asText()).isEqualTo("Grace Hopper");
        assertThat(get("/api/v1/contacts/" + grace.path("id").asLong() + "/duplicates", "agent1")
                        .body())
                .contains("Grace Hoper");
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static List<String> subjects(JsonNode page) {
        List<String> subjects = new ArrayList<>();
        page.path("items").forEach(ticket -> subjects.add(ticket.path("subject").asText()));
        return subjects;
    }

    @Test
    void nobodyGetsInWithoutLoggingIn() throws Exception {
        HttpResponse<String> anonymous = get("/api/v1/contacts", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "agent1").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/health", null).body())
                .contains("\"status\":\"UP\"")
                .doesNotContain("amiLink");
    }
}
