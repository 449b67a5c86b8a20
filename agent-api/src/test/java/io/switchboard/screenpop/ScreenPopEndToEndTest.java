package io.switchboard.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.RingAllAnswered;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Desktop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The product end to end on a real PostgreSQL: the simulator rings two agents of a ring-all queue, both desktops
 * pop the caller's contact, the one who does not answer has the pop withdrawn, and the hangup logs one activity.
 */
class ScreenPopEndToEndTest extends ApplicationOnPostgres {

    private static final String PASSWORD = "correct-horse";

    @Autowired
    AmiGateway gateway;

    @Autowired
    Contacts contacts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void salesTeamAndAKnownCustomer() {
        if (directory.findByUsername("anna").isEmpty()) {
            var sales = directory.team("Sales");
            user("anna", "1004", sales);
            user("ben", "1005", sales);
            user("carl", "1001", directory.team("Support"));
            user("salma", null, sales, Role.SUPERVISOR);
            user("soren", null, directory.team("Support"), Role.SUPERVISOR);
            user("adele", null, null, Role.ADMIN);
            contacts.create(new NewContact(
                    "Carol National",
                    "Carol's Cakes",
                    null,
                    null,
                    null,
                    Visibility.COMPANY,
                    Set.of(),
                    "asks for Ben",
                    List.of(new NewPhone(PhoneType.WORK, "+49 30 1234567"))));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.linkStatus().state() == LinkStatus.State.UP);
    }

    @Test
    void ringAllCallPopsBothAgentsWithdrawsTheLoserAndLogsOneActivity() throws Exception {
        try (Desktop anna = desktop("anna");
                Desktop ben = desktop("ben")) {
            simulator.run(new RingAllAnswered(
                    new Caller("0301234567", "Carol National", "501"),
                    "sales",
                    List.of("1005", "1004"),
                    "1005",
                    3,
                    4,
                    HangupBy.AGENT));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !anna.received("screenPop").isEmpty()
                            && !ben.received("screenPop").isEmpty());
            JsonNode pop = anna.received("screenPop").get(0);
            assertThat(pop.path("queue").asText()).isEqualTo("sales");
            assertThat(pop.path("context").path("match").path("rank").asText()).isEqualTo("EXACT");
            assertThat(pop.path("context").path("contacts").get(0).path("name").asText())
                    .isEqualTo("Carol National");
            assertThat(pop.path("newContact").isNull() || pop.path("newContact").isMissingNode())
                    .isTrue();
            String callId = pop.path("callId").asText();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !anna.received("popWithdrawn").isEmpty());
            assertThat(anna.received("popWithdrawn").get(0).path("reason").asText())
                    .isEqualTo("ANSWERED_ELSEWHERE");
            assertThat(ben.received("popWithdrawn")).isEmpty();

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> ben.received("callUpdate").stream()
                            .anyMatch(update -> update.path("state").asText().equals("ENDED")));
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            jdbc.queryForObject("select count(*) from activities where call_id = ?", Long.class, callId)
                                    == 1);
            JsonNode activities = Api.json(api.call("GET", "/api/v1/activities?queue=sales", "ben", PASSWORD, null));
            JsonNode activity = activities.path("items").get(0);
            assertThat(activity.path("callId").asText()).isEqualTo(callId);
            assertThat(activity.path("outcome").asText()).isEqualTo("ANSWERED");
            assertThat(activity.path("agentExtension").asText()).isEqualTo("1005");
            assertThat(activity.path("contactName").asText()).isEqualTo("Carol National");
        }
    }

    @Test
    void unknownCallerPopOffersTheNewContactAndAReconnectingDesktopGetsThePopAgain() {
        String callId;
        try (Desktop carl = desktop("carl")) {
            simulator.run(new QueueCallAnswered(
                    new Caller("+4940555000", "Unknown Ursula", "500"), "support", "1001", 2, 40, HangupBy.AGENT));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !carl.received("screenPop").isEmpty());
            JsonNode pop = carl.received("screenPop").get(0);
            callId = pop.path("callId").asText();
            assertThat(pop.path("context").path("match").path("reason").asText())
                    .isEqualTo("NOT_FOUND");
            assertThat(pop.path("context").path("contacts")).isEmpty();
            assertThat(pop.path("newContact").path("phone").asText()).isEqualTo("+4940555000");
            assertThat(pop.path("newContact").path("name").asText()).isEqualTo("Unknown Ursula");
        }

        // the call is still up: a desktop opened now (a reload, a second screen) gets its pop again
        try (Desktop again = desktop("carl")) {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !again.received("screenPop").isEmpty());
            assertThat(again.received("screenPop").get(0).path("callId").asText())
                    .isEqualTo(callId);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> again.received("callUpdate").stream()
                            .anyMatch(update -> update.path("state").asText().equals("ENDED")));
        }

        // once it has ended, nothing is popped to a new desktop
        try (Desktop later = desktop("carl")) {
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> later.received("screenPop").isEmpty());
        }
    }

    @Test
    void anAgentsStateGoesToThemTheirTeamsSupervisorAndAdminsOnly() {
        try (Desktop carl = desktop("carl");
                Desktop anna = desktop("anna");
                Desktop salma = desktop("salma");
                Desktop soren = desktop("soren");
                Desktop adele = desktop("adele")) {
            simulator.run(new QueueCallAnswered(
                    new Caller("+4940555001", "Someone", "500"), "support", "1001", 1, 2, HangupBy.AGENT));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> carl.received("agentState").stream().anyMatch(state -> isOf(state, "1001"))
                            && soren.received("agentState").stream().anyMatch(state -> isOf(state, "1001"))
                            && adele.received("agentState").stream().anyMatch(state -> isOf(state, "1001")));
            assertThat(soren.received("agentState").stream()
                            .filter(state -> isOf(state, "1001"))
                            .findFirst()
                            .orElseThrow()
                            .path("username")
                            .asText())
                    .isEqualTo("carl");
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> anna.received("agentState").stream().noneMatch(state -> isOf(state, "1001"))
                            && salma.received("agentState").stream().noneMatch(state -> isOf(state, "1001")));
        }
    }

    private static boolean isOf(JsonNode agentState, String extension) {
        return agentState.path("agent").asText().equals(extension);
    }

    @Test
    void aCallReportedByAnotherPbxThroughTheWebhookPopsAndIsLogged() throws Exception {
        String callId = "webhook-" + System.nanoTime();
        try (Desktop ben = desktop("ben")) {
            Instant start = Instant.now();
            post(
                    callId,
                    "1",
                    "call.new",
                    start,
                    ",\"direction\":\"inbound\",\"from\":\"+49301234567\",\"to\":\"500\",\"queue\":\"sales\"");
            post(callId, "2", "call.ringing", start.plusSeconds(2), ",\"agent\":\"1005\"");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ben.received("screenPop").stream()
                            .anyMatch(pop -> pop.path("callId").asText().equals(callId)));
            JsonNode pop = ben.received("screenPop").stream()
                    .filter(candidate -> candidate.path("callId").asText().equals(callId))
                    .findFirst()
                    .orElseThrow();
            assertThat(pop.path("context").path("contacts").get(0).path("name").asText())
                    .isEqualTo("Carol National");

            post(callId, "3", "call.answered", start.plusSeconds(5), ",\"agent\":\"1005\"");
            post(callId, "4", "call.hangup", start.plusSeconds(65), "");
            post(callId, "4", "call.hangup", start.plusSeconds(65), ""); // a retry: accepted, ignored

            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            jdbc.queryForObject("select count(*) from activities where call_id = ?", Long.class, callId)
                                    == 1);
            assertThat(jdbc.queryForMap(
                            "select outcome, agent_extension, talk_seconds, wait_seconds from activities where call_id = ?",
                            callId))
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("agent_extension", "1005")
                    .containsEntry("talk_seconds", 60)
                    .containsEntry("wait_seconds", 5);
        }
    }

    @Autowired
    io.switchboard.gateway.webhook.WebhookGateway webhook;

    private void post(String callId, String n, String type, Instant at, String fields) throws Exception {
        String body = "{\"eventId\":\"" + callId + "-" + n + "\",\"type\":\"" + type + "\",\"callId\":\"" + callId
                + "\",\"occurredAt\":\"" + at + "\"" + fields + "}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                WEBHOOK_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = java.util.HexFormat.of()
                .formatHex(mac.doFinal((timestamp + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        int port = webhook.address().orElseThrow().getPort();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/pbx/events"))
                                .header("Content-Type", "application/json")
                                .header("X-Switchboard-Timestamp", timestamp)
                                .header("X-Switchboard-Signature", "sha256=" + signature)
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
    }

    private Desktop desktop(String username) {
        JsonNode token = Api.json(api.call("POST", "/api/v1/cti/token", username, PASSWORD, null));
        Desktop desktop =
                Desktop.connect(token.path("port").asInt(), token.path("token").asText());
        await().atMost(Duration.ofSeconds(5)).until(() -> edgeSessions(username) > 0);
        return desktop;
    }

    @Autowired
    io.switchboard.gateway.edge.CtiEdge edge;

    private int edgeSessions(String username) {
        return edge.sessionsOf(username);
    }

    private DirectoryUser user(String username, String extension, io.switchboard.directory.TeamId team) {
        return user(username, extension, team, Role.AGENT);
    }

    private DirectoryUser user(String username, String extension, io.switchboard.directory.TeamId team, Role role) {
        DirectoryUser user = directory.add(new NewUser(username, username, role, team, extension));
        directory.setPasswordHash(user.id(), encoder.encode(PASSWORD));
        return user;
    }
}
