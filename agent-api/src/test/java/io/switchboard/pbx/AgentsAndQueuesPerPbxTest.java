package io.switchboard.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.ami.PbxLinks;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatorSettings;
import io.switchboard.testing.Api;
import io.switchboard.testing.Browser;
import io.switchboard.testing.ClusterNode;
import io.switchboard.testing.Desktop;
import io.switchboard.testing.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * One application on PostgreSQL with two simulated PBXes over TCP, {@code a} and {@code b}, each with an agent on
 * extension 1001 who is a different user: anna on {@code a}, bert on {@code b}. A call on each PBX pops on its own
 * agent's desktop only and is logged with that agent; agent states, agent events and queue figures are per PBX (the
 * queue {@code support} of each PBX is its own queue, shown as {@code support (a)} and {@code support (b)}); the admin
 * API sets a user's PBX, refuses an unknown one naming {@code pbx}, and keeps an extension unique on its PBX.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentsAndQueuesPerPbxTest {

    private static final String PASSWORD = "agents-per-pbx-password";
    private static final String DATABASE = "agents_per_pbx";

    private final SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(4);
    private AmiSimulator pbxA;
    private AmiSimulator pbxB;
    private ConfigurableApplicationContext node;
    private JdbcTemplate jdbc;
    private DirectoryUser anna;
    private DirectoryUser bert;

    @BeforeAll
    void oneNodeTwoPbxesAndAnAgentOn1001OnEach() throws SQLException {
        EmbeddedPostgres postgres = SharedPostgres.get();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        pbxA = new AmiSimulator(settings);
        pbxA.start();
        pbxB = new AmiSimulator(settings);
        pbxB.start();
        node = node(postgres.getJdbcUrl("postgres", DATABASE));
        jdbc = new JdbcTemplate(postgres.getDatabase("postgres", DATABASE));
        Directory directory = node.getBean(Directory.class);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, null, "1001", "a"));
        bert = directory.add(new NewUser("bert", "Bert", Role.AGENT, null, "1001", "b"));
        DirectoryUser admin = directory.add(new NewUser("pbx-admin", "Admin", Role.ADMIN, null, null));
        for (DirectoryUser user : List.of(anna, bert, admin)) {
            directory.setPasswordHash(user.id(), hash);
        }
        PbxLinks links = node.getBean(PbxLinks.class);
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        links.all().stream().allMatch(link -> link.linkStatus().state() == LinkStatus.State.UP));
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        pbxA.close();
        pbxB.close();
    }

    @Test
    void aCallOnEachPbxPopsOnlyItsOwnAgent1001AndIsLoggedWithThem() {
        try (Desktop annaDesk = desktop("anna");
                Desktop bertDesk = desktop("bert")) {
            String onA = "a:"
                    + pbxA.run(call("+4930111111"))
                            .orTimeout(30, TimeUnit.SECONDS)
                            .join()
                            .linkedid();
            String onB = "b:"
                    + pbxB.run(call("+4930222222"))
                            .orTimeout(30, TimeUnit.SECONDS)
                            .join()
                            .linkedid();

            // both calls logged: every ring of both calls has been handled by then, pops included
            await().atMost(Duration.ofSeconds(15)).until(() -> activity(onA) != null && activity(onB) != null);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !annaDesk.received("screenPop").isEmpty()
                            && !bertDesk.received("screenPop").isEmpty());
            assertThat(annaDesk.received("screenPop"))
                    .extracting(pop -> pop.path("callId").asText())
                    .containsExactly(onA);
            assertThat(bertDesk.received("screenPop"))
                    .extracting(pop -> pop.path("callId").asText())
                    .containsExactly(onB);

            assertThat(activity(onA)).containsEntry("pbx", "a").containsEntry("agent_extension", "a:1001");
            assertThat(((Number) activity(onA).get("agent_id")).longValue())
                    .isEqualTo(anna.id().value());
            assertThat(activity(onB)).containsEntry("pbx", "b").containsEntry("agent_extension", "b:1001");
            assertThat(((Number) activity(onB).get("agent_id")).longValue())
                    .isEqualTo(bert.id().value());
        }

        // the interval reports' queue filter: support on PBX b is its own queue, with b's call only
        for (String queue : List.of("a:support", "b:support")) {
            JsonNode report = Api.json(admin("GET", "/api/v1/reports/intervals?step=day&queue=" + queue, null));
            assertThat(report.path("queues")).singleElement().satisfies(figures -> {
                assertThat(figures.path("queue").asText()).isEqualTo(queue);
                assertThat(figures.path("total").path("offered").asLong()).isEqualTo(1);
            });
        }
    }

    @Test
    void agentStatesAgentEventsAndQueueFiguresArePerPbx() {
        // both simulated PBXes list 1001 in support (1001-1003) and 1004-1005 in sales: the same names on each
        try (Desktop annaDesk = desktop("anna");
                Desktop bertDesk = desktop("bert")) {
            PbxLinks links = node.getBean(PbxLinks.class);
            links.pbx("a").commands().queueAdd("sales", "1001", "Anna", false).join();
            links.pbx("b")
                    .commands()
                    .queuePause("support", "1001", true, "lunch")
                    .join();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> annaDesk.received("agentState").stream()
                                    .anyMatch(state ->
                                            state.path("queue").asText().equals("a:sales"))
                            && bertDesk.received("agentState").stream()
                                    .anyMatch(state ->
                                            state.path("state").asText().equals("PAUSED")));
            assertThat(annaDesk.received("agentState"))
                    .allSatisfy(
                            state -> assertThat(state.path("agent").asText()).isEqualTo("a:1001"));
            assertThat(bertDesk.received("agentState"))
                    .allSatisfy(
                            state -> assertThat(state.path("agent").asText()).isEqualTo("b:1001"))
                    .anySatisfy(
                            state -> assertThat(state.path("queue").asText()).isEqualTo("b:support"));

            Map<String, String> annaStates = myStates("anna");
            assertThat(annaStates).containsEntry("a:1001 a:sales", "READY");
            assertThat(annaStates).containsKey("a:1001 a:support").doesNotContainValue("PAUSED");
            assertThat(myStates("bert"))
                    .containsEntry("b:1001 b:support", "PAUSED")
                    .doesNotContainKey("b:1001 b:sales");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> agentEvents().contains("a:1001 a:sales anna")
                            && agentEvents().contains("b:1001 b:support bert"));
            // rows from the PBXes' listings at login, before the users existed, name nobody; none names the other
            assertThat(agentEvents()).noneMatch(row -> row.startsWith("a:1001 ") && row.endsWith(" bert"));
            assertThat(agentEvents()).noneMatch(row -> row.startsWith("b:1001 ") && row.endsWith(" anna"));
        }

        Map<String, JsonNode> queues = queues();
        assertThat(queues.get("a:support").path("displayName").asText()).isEqualTo("support (a)");
        assertThat(queues.get("b:support").path("displayName").asText()).isEqualTo("support (b)");
        assertThat(queues.get("a:support").path("agents").path("PAUSED").asInt())
                .isZero();
        assertThat(queues.get("b:support").path("agents").path("PAUSED").asInt())
                .isEqualTo(1);
        assertThat(agentsIn(queues.get("a:sales"))).isEqualTo(agentsIn(queues.get("b:sales")) + 1);

        // each PBX's queue has settings of its own, under the name events give it
        HttpResponse<String> settings = admin("GET", "/api/v1/queue-settings/b:support", null);
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        assertThat(Api.json(settings).path("name").asText()).isEqualTo("b:support");
    }

    /** The caller's own states: "agent queue" to state. */
    private Map<String, String> myStates(String username) {
        JsonNode states = Api.json(api().call("GET", "/api/v1/agents/me", username, PASSWORD, null));
        return StreamSupport.stream(states.spliterator(), false)
                .collect(java.util.stream.Collectors.toMap(
                        state -> state.path("extension").asText() + " "
                                + state.path("queue").asText(),
                        state -> state.path("state").asText()));
    }

    /** Every agent event with the user it was written for: "agent queue username". */
    private List<String> agentEvents() {
        return jdbc.queryForList(
                "select e.agent || ' ' || coalesce(e.queue, '-') || ' ' || coalesce(u.username, '-') from agent_events e"
                        + " left join users u on u.id = e.user_id",
                String.class);
    }

    private static long agentsIn(JsonNode queue) {
        long total = 0;
        for (JsonNode count : queue.path("agents")) {
            total += count.asLong();
        }
        return total;
    }

    @Test
    void theAdminApiSetsAUsersPbxRefusesAnUnknownOneAndKeepsExtensionsUniquePerPbx() {
        HttpResponse<String> created = admin(
                "POST",
                "/api/v1/users",
                "{\"username\":\"carl\",\"role\":\"AGENT\",\"extension\":\"1002\",\"pbx\":\"b\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Api.json(created).path("pbx").asText()).isEqualTo("b");
        assertThat(node.getBean(Directory.class).findByExtension("b:1002"))
                .hasValueSatisfying(user -> assertThat(user.username()).isEqualTo("carl"));

        HttpResponse<String> unknown = admin(
                "POST",
                "/api/v1/users",
                "{\"username\":\"dora\",\"role\":\"AGENT\",\"extension\":\"1003\",\"pbx\":\"z\"}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("pbx").contains("'z'");

        HttpResponse<String> taken =
                admin("PUT", "/api/v1/users/carl", "{\"role\":\"AGENT\",\"extension\":\"1001\",\"pbx\":\"a\"}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(taken.body()).contains("extension").contains("anna");

        HttpResponse<String> moved =
                admin("PUT", "/api/v1/users/carl", "{\"role\":\"AGENT\",\"extension\":\"1002\",\"pbx\":\"a\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(Api.json(moved).path("pbx").asText()).isEqualTo("a");
        assertThat(node.getBean(Directory.class).findByExtension("b:1002")).isEmpty();
        assertThat(node.getBean(Directory.class).findByExtension("a:1002")).isPresent();
    }

    @Test
    void theUsersPageOffersThePbxOfTheExtensionAndShowsItInTheList() {
        Browser.assumeInstalled();
        try (Browser admin = Browser.open(port())) {
            admin.logIn("pbx-admin", PASSWORD);
            admin.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/wallboard"));
            admin.go("/admin/users");
            WebDriver page = admin.driver();
            Select pbx = new Select(admin.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("user-pbx"))));
            assertThat(pbx.getOptions()).extracting(WebElement::getText).containsExactly("a", "b");
            page.findElement(By.id("user-username")).sendKeys("erin");
            page.findElement(By.id("user-extension")).sendKeys("1005");
            pbx.selectByValue("b");
            page.findElement(By.id("save-user")).click();
            admin.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBe(By.id("user-saved"), "Saved erin."));

            assertThat(node.getBean(Directory.class).findByExtension("b:1005"))
                    .hasValueSatisfying(user -> assertThat(user.username()).isEqualTo("erin"));
            By row = By.cssSelector("#user-list tr[data-username='erin']");
            String shown = admin.waiting(Duration.ofSeconds(10)).until(driver -> {
                try {
                    return driver.findElement(row).getText();
                } catch (org.openqa.selenium.NoSuchElementException
                        | org.openqa.selenium.StaleElementReferenceException e) {
                    return null;
                }
            });
            assertThat(shown).contains("1005 (b)");
        }
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return api().call(method, path, "pbx-admin", PASSWORD, body);
    }

    private Map<String, JsonNode> queues() {
        JsonNode all = Api.json(api().call("GET", "/api/v1/queues", "pbx-admin", PASSWORD, null));
        return StreamSupport.stream(all.spliterator(), false)
                .collect(java.util.stream.Collectors.toMap(
                        queue -> queue.path("name").asText(), queue -> queue));
    }

    private Map<String, Object> activity(String callId) {
        List<Map<String, Object>> rows =
                jdbc.queryForList("select pbx, agent_extension, agent_id from activities where call_id = ?", callId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private ConfigurableApplicationContext node(String url) {
        return ClusterNode.on(url)
                .set("switchboard.dialer.enabled", "false")
                .pbx("a", pbxA, settings)
                .pbx("b", pbxB, settings)
                .start();
    }

    /** A queue call agent 1001 answers and talks on for a second (simulated: four times faster). */
    private static QueueCallAnswered call(String number) {
        return new QueueCallAnswered(
                new Caller(number, "Caller " + number, "500"), "support", "1001", 1, 1, HangupBy.CALLER);
    }

    private int port() {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private Api api() {
        return new Api(port());
    }

    private Desktop desktop(String username) {
        HttpResponse<String> issued = api().call("POST", "/api/v1/cti/token", username, PASSWORD, null);
        assertThat(issued.statusCode()).as(issued.body()).isBetween(200, 201);
        JsonNode token = Api.json(issued);
        return Desktop.connect(token.path("port").asInt(), token.path("token").asText());
    }
}
