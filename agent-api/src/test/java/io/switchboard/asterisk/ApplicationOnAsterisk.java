package io.switchboard.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.testing.Api;
import io.switchboard.testing.Desktop;
import io.switchboard.testing.SharedPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The application connected to a real Asterisk 22 ({@link AsteriskRig}, configured by the project's config/
 * samples) instead of the simulator, on a real PostgreSQL database of its own (the suite's agents own the sample's
 * extensions). Skipped without Asterisk, failed without it under {@code CI=true} ({@link RequiresAsterisk}).
 *
 * <p>Scenarios place calls through the carrier ({@link AsteriskRig#callIn}) or the REST API, watch desktops on the
 * CTI edge ({@link #desktop}) and check the activities the call log wrote ({@link #activitiesOf}). Before each test
 * every phone is idle and every call is gone, and the activities written so far are counted, so a test can assert
 * that nothing but its own calls was logged ({@link #assertOnlyNewActivities}).
 */
@Tag("asterisk") // run by agent-api's own asterisk-suite Surefire execution (pom.xml)
@ExtendWith(RequiresAsterisk.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApplicationOnAsterisk {

    public static final String PASSWORD = "correct-horse-battery";
    public static final String DATABASE = "asterisk_suite";

    /**
     * The suite's agents: extension, team and the sample queue they log in to (config/queues.conf has no static
     * members), in the order they log in, which is the order the linear queues ring them.
     */
    public record SuiteAgent(String extension, String team, String queue) {}

    public static final List<SuiteAgent> AGENTS = List.of(
            new SuiteAgent("1001", "Support", "support"),
            new SuiteAgent("1002", "Support", "support"),
            new SuiteAgent("1003", "Support", "support"),
            new SuiteAgent("1004", "Sales", "sales"),
            new SuiteAgent("1005", "Sales", "sales"),
            new SuiteAgent("3001", "Campaign", "campaign"));

    @DynamicPropertySource
    static void realAsteriskAndPostgres(DynamicPropertyRegistry registry) {
        AsteriskRig rig = AsteriskRig.shared();
        registry.add("spring.datasource.url", () -> SharedPostgres.get().getJdbcUrl("postgres", DATABASE));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("switchboard.simulator.enabled", () -> false);
        registry.add("switchboard.ami.port", rig::amiPort);
        registry.add("switchboard.ami.secret", rig::amiSecret);
        registry.add("switchboard.ami.max-backoff", () -> "1s");
        registry.add("switchboard.demo.seed", () -> false);
        // campaign calls nobody answers give up after 8 s rather than the default 25 s
        registry.add("switchboard.dialer.ring-timeout", () -> "8s");
        registry.add("switchboard.edge.port", () -> 0);
        registry.add("switchboard.edge.allowed-origins", () -> Desktop.ORIGIN);
        registry.add("switchboard.queues.wrap-up", () -> SampleConfiguration.WRAP_UP);
        createDatabaseOnce();
    }

    private static synchronized void createDatabaseOnce() {
        try (Connection connection = SharedPostgres.get().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the suite's database", e);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Directory directory;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private AmiGateway gateway;

    @Autowired
    private CtiEdge edge;

    protected AsteriskRig rig;
    protected Api api;
    private long activitiesBefore;

    @BeforeAll
    void usersAndALiveLinkToAsterisk() {
        rig = AsteriskRig.shared();
        api = new Api(port);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        AGENTS.forEach(
                agent -> ensureUser(agent(agent.extension()), Role.AGENT, agent.team(), agent.extension(), hash));
        ensureUser("supervisor", Role.SUPERVISOR, "Support", null, hash);
        ensureUser("admin", Role.ADMIN, null, null, hash);
        ensureUser("manager", Role.CAMPAIGN_MANAGER, null, null, hash);
        awaitLinkUp();
        AGENTS.forEach(this::loggedIn);
    }

    /** Logs the agent in to their queue through the API unless they are a member already (the rig is shared). */
    protected void loggedIn(SuiteAgent agent) {
        String member = "Local/" + agent.extension() + "@agent-sim/n";
        String listed = rig.pbxCli("queue show " + agent.queue());
        if (listed.contains("Agent " + agent.extension() + " (" + member)) {
            return;
        }
        if (listed.contains(member)) {
            // logged in by another class's application under its own user's name (the walk-through's): as ours
            rig.pbxCli("queue remove member " + member + " from " + agent.queue());
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !rig.pbxCli("queue show " + agent.queue()).contains(member));
        }
        HttpResponse<String> response =
                call("POST", "/api/v1/agents/me/queues/" + agent.queue(), agent(agent.extension()), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> rig.pbxCli("queue show " + agent.queue()).contains(member));
    }

    /**
     * With {@code -Dswitchboard.it.record-traces=<folder>} each test's AMI stream is recorded as
     * {@code <folder>/<class>.<method>.ami}, for the trace replays (cti-simulator's test resources).
     */
    public static final String RECORD_TRACES = "switchboard.it.record-traces";

    private AutoCloseable recorder;

    private void recordTheTraceWhenAsked(org.junit.jupiter.api.TestInfo test) throws java.io.IOException {
        String folder = System.getProperty(RECORD_TRACES);
        if (folder != null && !folder.isBlank()) {
            java.nio.file.Path target = java.nio.file.Files.createDirectories(java.nio.file.Path.of(folder));
            recorder = AsteriskRig.shared()
                    .recordTrace(target.resolve(getClass().getSimpleName() + "."
                            + test.getTestMethod().orElseThrow().getName() + ".ami"));
        }
    }

    @org.junit.jupiter.api.AfterEach
    void endTheTrace() throws Exception {
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
    }

    @BeforeEach
    void idlePhonesAndNoCalls(org.junit.jupiter.api.TestInfo test) throws java.io.IOException {
        rig.resetPhones();
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.activeChannels() == 0);
        awaitLinkUp();
        // calls the last test left are logged once their hangups have been read
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10)).until(() -> openCalls() == 0);
        activitiesBefore = activityCount();
        waitOutWrapUp();
        recordTheTraceWhenAsked(test);
    }

    /**
     * The queues keep an agent out for their {@code wrapuptime} after a queue call: a test that needs a given agent to
     * ring starts once Asterisk's own queue status shows every member's last call at least that long ago.
     */
    private void waitOutWrapUp() {
        await().pollInterval(Duration.ofMillis(200))
                .atMost(SampleConfiguration.WRAP_UP.plusSeconds(10))
                .until(() ->
                        WRAPPED_UP_QUEUES.stream().allMatch(queue -> wrapUpOver(rig.pbxCli("queue show " + queue))));
    }

    /** The sample queues with a {@code wrapuptime}. */
    private static final List<String> WRAPPED_UP_QUEUES = List.of("support", "sales");

    /** A member line of {@code queue show}: "... has taken 2 calls (last was 7 secs ago)". */
    private static final java.util.regex.Pattern LAST_CALL =
            java.util.regex.Pattern.compile("has taken \\d+ calls \\(last was (\\d+) secs ago\\)");

    static boolean wrapUpOver(String queueShow) {
        java.util.regex.Matcher lastCall = LAST_CALL.matcher(queueShow);
        while (lastCall.find()) {
            if (Long.parseLong(lastCall.group(1)) < SampleConfiguration.WRAP_UP.toSeconds()) {
                return false;
            }
        }
        return true;
    }

    protected void awaitLinkUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.linkStatus().state() == LinkStatus.State.UP);
    }

    private int openCalls() {
        return Api.json(call("GET", "/api/v1/calls", "admin", null)).size();
    }

    private void ensureUser(String username, Role role, String team, String extension, String hash) {
        DirectoryUser user = directory.findByUsername(username).orElse(null);
        if (user == null) {
            // an agent's display name is their queue member name ("Agent 1001"), as in queue show
            String name = extension == null ? username : "Agent " + extension;
            user = directory.add(
                    new NewUser(username, name, role, team == null ? null : directory.team(team), extension));
        }
        directory.setPasswordHash(user.id(), hash);
    }

    /** The username of the agent at an extension of the sample queues. */
    protected static String agent(String extension) {
        return "agent" + extension;
    }

    protected HttpResponse<String> call(String method, String path, String username, String jsonBody) {
        return api.call(method, path, username, PASSWORD, jsonBody);
    }

    /** A desktop on the CTI edge, logged in as the user, once the edge has its session. */
    protected Desktop desktop(String username) {
        JsonNode token = Api.json(call("POST", "/api/v1/cti/token", username, null));
        Desktop desktop =
                Desktop.connect(token.path("port").asInt(), token.path("token").asText());
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.sessionsOf(username) > 0);
        return desktop;
    }

    /** The call id of the first screen pop a desktop receives. */
    protected static String firstPop(Desktop desktop) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !poppedCalls(desktop).isEmpty());
        return poppedCalls(desktop).get(0);
    }

    /** Waits for the desktop to be told the call ended. */
    protected static void awaitEnded(Desktop desktop, String callId) {
        await().atMost(Duration.ofSeconds(40))
                .until(() -> desktop.received("callUpdate").stream()
                        .anyMatch(update -> update.path("callId").asText().equals(callId)
                                && update.path("state").asText().equals("ENDED")));
    }

    /** The database id of the suite's agent at an extension. */
    protected Long userId(String extension) {
        return jdbc.queryForObject("select id from users where extension = ?", Long.class, extension);
    }

    /** The call ids of the screen pops a desktop received. */
    protected static List<String> poppedCalls(Desktop desktop) {
        return desktop.received("screenPop").stream()
                .map(pop -> pop.path("callId").asText())
                .toList();
    }

    /** The activities the call log wrote for a call, once at least one is there (a second would be a defect). */
    protected List<Map<String, Object>> activitiesOf(String callId) {
        await().atMost(Duration.ofSeconds(40))
                .until(() ->
                        jdbc.queryForObject("select count(*) from activities where call_id = ?", Long.class, callId)
                                > 0);
        return jdbc.queryForList("select * from activities where call_id = ?", callId);
    }

    /** The one activity of a call: fails if the call log wrote none or more than one. */
    protected Map<String, Object> theActivityOf(String callId) {
        List<Map<String, Object>> activities = activitiesOf(callId);
        assertThat(activities).as("activities of call " + callId).hasSize(1);
        return activities.get(0);
    }

    /** Activities written since this test began (every call of the test has ended by then), oldest first. */
    protected List<Map<String, Object>> newActivities() {
        return jdbc.queryForList("select * from activities order by id offset ?", activitiesBefore);
    }

    /** Waits until the test's calls are logged, then checks that nothing else was: exactly {@code calls} activities. */
    protected List<Map<String, Object>> assertOnlyNewActivities(int calls) {
        await().atMost(Duration.ofSeconds(60)).until(() -> activityCount() - activitiesBefore >= calls);
        // the PBX has no channel left and the application no open call: no late activity can follow
        await().atMost(Duration.ofSeconds(20)).until(() -> rig.activeChannels() == 0 && openCalls() == 0);
        List<Map<String, Object>> activities = newActivities();
        assertThat(activities).as("activities written by this test").hasSize(calls);
        return activities;
    }

    private long activityCount() {
        return jdbc.queryForObject("select count(*) from activities", Long.class);
    }

    /** Sends the command once the agent has the call (409 until the agent's leg and the caller are bridged). */
    protected void awaitAccepted(String path, String username, String body) {
        int status = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> call("POST", path, username, body).statusCode(), answer -> answer != 409);
        assertThat(status).isEqualTo(202);
    }

    protected List<String> legs(String callId) {
        return jdbc.queryForList(
                "select coalesce(queue, 'null') || '/' || coalesce(agent_extension, 'null') || case when transferred then ' transferred' else '' end"
                        + " from activity_legs where call_id = ? order by seq",
                String.class,
                callId);
    }
}
