package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.activity.Activity;
import io.switchboard.activity.ActivityHistory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatedCall;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Desktop;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * A supervisor of team A who is assigned team B too sees A's and B's contacts, tickets, calls, agents and agent
 * states, and none of team C's, through the API and their desktop; once an admin takes B from them, their next
 * request sees B no more.
 */
class SupervisorOfSeveralTeamsApiTest extends ApplicationOnPostgres {

    private static final String SUPERVISOR = "st-supervisor";
    private static final Map<String, String> AGENTS = Map.of("A", "7411", "B", "7412", "C", "7413");
    /** The simulator's queues the agents log in to (C's agent works B's queue: teams are people, not queues). */
    private static final Map<String, String> QUEUES = Map.of("A", "support", "B", "sales", "C", "sales");

    @Autowired
    ActivityHistory history;

    @Autowired
    CtiEdge edge;

    @Autowired
    JdbcTemplate jdbc;

    /** A day of agent sessions of this test's own (the report's zone is UTC in the tests). */
    private static final java.time.OffsetDateTime SESSION_DAY_START =
            java.time.OffsetDateTime.parse("2024-05-08T00:00:00Z");

    private final Map<String, TeamId> teams = new java.util.HashMap<>();
    private final Map<String, Long> contacts = new java.util.HashMap<>();
    private final Map<String, Long> tickets = new java.util.HashMap<>();
    private final Map<String, Long> calls = new java.util.HashMap<>();

    @BeforeAll
    void threeTeamsEachWithAnAgentAContactATicketAndACall() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(TestUser.PASSWORD);
        for (String team : List.of("A", "B", "C")) {
            teams.put(team, directory.team("ST team " + team));
        }
        user(SUPERVISOR, Role.SUPERVISOR, teams.get("A"), "7401", hash);
        for (String team : List.of("A", "B", "C")) {
            user(agent(team), Role.AGENT, teams.get(team), AGENTS.get(team), hash);
        }
        for (String team : List.of("A", "B", "C")) {
            // a queue member, so that the PBX reports the agent's state
            assertThat(as(agent(team), "POST", "/api/v1/agents/me/queues/" + QUEUES.get(team), null)
                            .statusCode())
                    .isEqualTo(202);
        }
        for (String team : List.of("C", "A", "B")) {
            // private: only its owner and the supervisors of its team see it
            contacts.put(
                    team,
                    id(as(
                            agent(team),
                            "POST",
                            "/api/v1/contacts",
                            "{\"name\":\"Scoped " + team + " customer\",\"visibility\":\"PRIVATE\"}")));
            tickets.put(
                    team,
                    id(as(agent(team), "POST", "/api/v1/tickets", "{\"subject\":\"Scoped " + team + " ticket\"}")));
            calls.put(team, activity(answered(team)).id().value());
        }
        assign(teams.get("B"), SUPERVISOR);
    }

    @AfterAll
    void theAgentsLeaveTheirQueues() {
        // the simulator is shared with other test classes, whose queue calls must not find these members
        for (String team : List.of("A", "B", "C")) {
            as(agent(team), "DELETE", "/api/v1/agents/me/queues/" + QUEUES.get(team), null);
        }
    }

    @Test
    void theSupervisorSeesTheContactsTicketsAndCallsOfBothTheirTeamsAndNoneOfAThirds() {
        for (String team : List.of("A", "B")) {
            assertThat(status("GET", "/api/v1/contacts/" + contacts.get(team)))
                    .as(team)
                    .isEqualTo(200);
            assertThat(status("GET", "/api/v1/tickets/" + tickets.get(team)))
                    .as(team)
                    .isEqualTo(200);
            assertThat(status("GET", "/api/v1/activities/" + calls.get(team)))
                    .as(team)
                    .isEqualTo(200);
            assertThat(status("GET", "/api/v1/reports/calls/" + calls.get(team)))
                    .as(team)
                    .isEqualTo(200);
        }
        assertThat(status("GET", "/api/v1/contacts/" + contacts.get("C"))).isEqualTo(404);
        assertThat(status("GET", "/api/v1/tickets/" + tickets.get("C"))).isEqualTo(404);
        assertThat(status("GET", "/api/v1/activities/" + calls.get("C"))).isEqualTo(404);
        assertThat(status("GET", "/api/v1/reports/calls/" + calls.get("C"))).isEqualTo(404);

        assertThat(names(Api.json(as(SUPERVISOR, "GET", "/api/v1/contacts?q=Scoped&size=200", null))))
                .contains("Scoped A customer", "Scoped B customer")
                .doesNotContain("Scoped C customer");
        assertThat(as(SUPERVISOR, "GET", "/api/v1/contacts.csv?q=Scoped", null).body())
                .contains("Scoped A customer", "Scoped B customer")
                .doesNotContain("Scoped C customer");
        List<Long> teamView =
                ids(Api.json(as(SUPERVISOR, "GET", "/api/v1/tickets/workbench?view=TEAM&size=200", null)));
        assertThat(teamView).contains(tickets.get("A"), tickets.get("B")).doesNotContain(tickets.get("C"));
    }

    @Test
    void theSupervisorSeesAndManagesTheAgentsOfBothTheirTeamsOnly() {
        // every agent is on the live board: the admin sees all three
        await().atMost(Duration.ofSeconds(10))
                .until(() -> extensions(as(TestUser.ADMIN.username, "GET", "/api/v1/agents", null))
                        .containsAll(AGENTS.values()));

        assertThat(extensions(as(SUPERVISOR, "GET", "/api/v1/agents", null)))
                .contains(AGENTS.get("A"), AGENTS.get("B"))
                .doesNotContain(AGENTS.get("C"));
        assertThat(status("POST", "/api/v1/agents/" + AGENTS.get("B") + "/pause", "{\"reason\":\"coaching\"}"))
                .isEqualTo(202);
        assertThat(status("POST", "/api/v1/agents/" + AGENTS.get("B") + "/resume", null))
                .isEqualTo(202);
        assertThat(status("POST", "/api/v1/agents/" + AGENTS.get("C") + "/pause", "{\"reason\":\"coaching\"}"))
                .isEqualTo(404);
    }

    @Test
    void theSupervisorsAgentSessionReportHoldsTheAgentsOfBothTheirTeamsOnly() {
        // an hour logged in on a day of its own for each agent, as the sessions' recorder stores it (agent_events are
        // append-only: the day is this test's own, no other test writes on it)
        for (String team : List.of("A", "B", "C")) {
            long user = directory.findByUsername(agent(team)).orElseThrow().id().value();
            for (String state : List.of("LOGGED_IN", "LOGGED_OUT")) {
                jdbc.update(
                        "insert into agent_events (agent, user_id, kind, occurred_at, queue, state, wrap_up_seconds)"
                                + " values (?, ?, 'STATE', ?, ?, ?, 0)",
                        AGENTS.get(team),
                        user,
                        SESSION_DAY_START.plusHours(state.equals("LOGGED_IN") ? 9 : 10),
                        QUEUES.get(team),
                        state);
            }
        }
        assertThat(sessionAgents(TestUser.ADMIN.username)).containsAll(AGENTS.values());

        assertThat(sessionAgents(SUPERVISOR))
                .contains(AGENTS.get("A"), AGENTS.get("B"))
                .doesNotContain(AGENTS.get("C"));
    }

    private List<String> sessionAgents(String username) {
        String date = SESSION_DAY_START.toLocalDate().toString();
        return Api.json(as(username, "GET", "/api/v1/reports/agent-sessions?from=" + date + "&to=" + date, null))
                .path("days")
                .valueStream()
                .map(day -> day.path("agent").asText())
                .toList();
    }

    @Test
    void theSupervisorsDesktopGetsTheAgentStatesOfBothTheirTeamsAndNotOfAThird() {
        try (Desktop admin = desktop(TestUser.ADMIN.username);
                Desktop supervisor = desktop(SUPERVISOR)) {
            // C's state first: once the admin has it, it has gone to every desktop it goes to
            answered("C").orTimeout(20, TimeUnit.SECONDS).join();
            await().atMost(Duration.ofSeconds(10)).until(() -> hasStateOf(admin, "C"));
            answered("B");
            await().atMost(Duration.ofSeconds(10)).until(() -> hasStateOf(supervisor, "B"));
            assertThat(hasStateOf(supervisor, "C")).isFalse();
        }
    }

    @Test
    void takingATeamFromTheSupervisorAppliesToTheirNextRequest() {
        try {
            assertThat(status("GET", "/api/v1/contacts/" + contacts.get("B"))).isEqualTo(200);
            assign(teams.get("B"));

            assertThat(status("GET", "/api/v1/contacts/" + contacts.get("B"))).isEqualTo(404);
            assertThat(status("GET", "/api/v1/tickets/" + tickets.get("B"))).isEqualTo(404);
            assertThat(status("GET", "/api/v1/activities/" + calls.get("B"))).isEqualTo(404);
            assertThat(status("POST", "/api/v1/agents/" + AGENTS.get("B") + "/resume", null))
                    .isEqualTo(404);
            // their own team stays theirs
            assertThat(status("GET", "/api/v1/contacts/" + contacts.get("A"))).isEqualTo(200);
        } finally {
            assign(teams.get("B"), SUPERVISOR);
        }
    }

    @Test
    void onlySupervisorsCanBeAssignedAndTheTeamShowsWhoSupervisesIt() {
        HttpResponse<String> agent = as(
                TestUser.ADMIN.username,
                "PUT",
                "/api/v1/teams/" + teams.get("C").value() + "/supervisors",
                "{\"supervisors\":[\"" + agent("A") + "\"]}");
        assertThat(agent.statusCode()).isEqualTo(400);
        assertThat(agent.body()).contains("supervisors", agent("A"), "AGENT");
        HttpResponse<String> nobody = as(
                TestUser.ADMIN.username,
                "PUT",
                "/api/v1/teams/" + teams.get("C").value() + "/supervisors",
                "{\"supervisors\":[\"st-nobody\"]}");
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains("supervisors", "st-nobody");
        // nothing changed: the supervisor still does not see C
        assertThat(status("GET", "/api/v1/contacts/" + contacts.get("C"))).isEqualTo(404);

        JsonNode teamB = Api.json(as(TestUser.ADMIN.username, "GET", "/api/v1/teams", null))
                .valueStream()
                .filter(team -> team.path("id").asLong() == teams.get("B").value())
                .findFirst()
                .orElseThrow();
        assertThat(teamB.path("assignedSupervisors").toString()).contains(SUPERVISOR);
        assertThat(teamB.path("supervisors").toString()).contains(SUPERVISOR);
        assertThat(as(TestUser.ADMIN.username, "GET", "/api/v1/audit?action=team.supervisors&size=200", null)
                        .body())
                .contains("ST team B", SUPERVISOR);
    }

    private void assign(TeamId team, String... supervisors) {
        StringBuilder names = new StringBuilder();
        for (String supervisor : supervisors) {
            names.append(names.isEmpty() ? "" : ",")
                    .append('"')
                    .append(supervisor)
                    .append('"');
        }
        HttpResponse<String> set = as(
                TestUser.ADMIN.username,
                "PUT",
                "/api/v1/teams/" + team.value() + "/supervisors",
                "{\"supervisors\":[" + names + "]}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    private static String agent(String team) {
        return "st-agent-" + team.toLowerCase();
    }

    private void user(String username, Role role, TeamId team, String extension, String hash) {
        if (directory.findByUsername(username).isPresent()) {
            return;
        }
        DirectoryUser user = directory.add(new NewUser(username, username, role, team, extension));
        directory.setPasswordHash(user.id(), hash);
    }

    private CompletableFuture<SimulatedCall> answered(String team) {
        return simulator.run(new QueueCallAnswered(
                new Caller("+49305557" + AGENTS.get(team), "Caller of " + team, "500"),
                QUEUES.get(team),
                AGENTS.get(team),
                1,
                1,
                HangupBy.CALLER));
    }

    private Activity activity(CompletableFuture<SimulatedCall> call) {
        String callId = call.orTimeout(20, TimeUnit.SECONDS).join().linkedid();
        DirectoryUser admin = directory.findByUsername(TestUser.ADMIN.username).orElseThrow();
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> history.findByCallId(callId, admin.viewer()), found -> found.isPresent())
                .orElseThrow();
    }

    /** A desktop of this user, once the edge has registered it. */
    private Desktop desktop(String username) {
        JsonNode token = Api.json(as(username, "POST", "/api/v1/cti/token", null));
        int before = edge.sessionsOf(username);
        Desktop desktop =
                Desktop.connect(token.path("port").asInt(), token.path("token").asText());
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.sessionsOf(username) > before);
        return desktop;
    }

    private static boolean hasStateOf(Desktop desktop, String team) {
        return desktop.received("agentState").stream()
                .anyMatch(state -> state.path("agent").asText().equals(AGENTS.get(team)));
    }

    private int status(String method, String path, String body) {
        return as(SUPERVISOR, method, path, body).statusCode();
    }

    private int status(String method, String path) {
        return status(method, path, null);
    }

    private HttpResponse<String> as(String username, String method, String path, String body) {
        return api.call(method, path, username, TestUser.PASSWORD, body);
    }

    private static long id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created).path("id").asLong();
    }

    private static List<String> names(JsonNode page) {
        return page.path("items")
                .valueStream()
                .map(item -> item.path("name").asText())
                .toList();
    }

    private static List<Long> ids(JsonNode page) {
        return page.path("items")
                .valueStream()
                .map(item -> item.path("id").asLong())
                .toList();
    }

    private static List<String> extensions(HttpResponse<String> agents) {
        return Api.json(agents)
                .valueStream()
                .map(agent -> agent.path("extension").asText())
                .toList();
    }
}
