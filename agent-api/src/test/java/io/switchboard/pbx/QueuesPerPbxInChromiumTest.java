package io.switchboard.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.SwitchboardApplication;
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
import io.switchboard.testing.Desktop;
import io.switchboard.testing.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Queues as people know them with two PBXes, in Chromium: one application on PostgreSQL with two simulated PBXes over
 * TCP, {@code a} and {@code b}, each listing the queues {@code support} and {@code sales}. The admin's queues page,
 * the interval report page and its CSV, the call history page and its CSV show {@code support (b)}, never the events'
 * {@code b:support}; the desktop of an agent on PBX {@code b} offers only {@code b}'s queues to log in to, by their
 * names there, and the server refuses a queue of PBX {@code a} for them with a 400 naming {@code queue}; a preview
 * dial from that desktop rings on PBX {@code b}, and the attempt names the agent {@code b:1001} from the start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueuesPerPbxInChromiumTest {

    private static final String PASSWORD = "queues-per-pbx-password";
    private static final String DATABASE = "queues_per_pbx";

    private final SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(4);
    private AmiSimulator pbxA;
    private AmiSimulator pbxB;
    private ConfigurableApplicationContext node;
    private JdbcTemplate jdbc;

    @BeforeAll
    void oneNodeTwoPbxesAndAnAgentOnEach() throws SQLException {
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
        List<DirectoryUser> users = List.of(
                directory.add(new NewUser("anna", "Anna", Role.AGENT, null, "1001", "a")),
                directory.add(new NewUser("bert", "Bert", Role.AGENT, null, "1001", "b")),
                directory.add(new NewUser("queue-admin", "Admin", Role.ADMIN, null, null)));
        for (DirectoryUser user : users) {
            directory.setPasswordHash(user.id(), hash);
        }
        PbxLinks links = node.getBean(PbxLinks.class);
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        links.all().stream().allMatch(link -> link.linkStatus().state() == LinkStatus.State.UP));
        // each PBX's queue listing at login names its queues: both PBXes' are known once these are
        await().atMost(Duration.ofSeconds(15))
                .until(() -> queueNames().containsAll(List.of("a:support", "a:sales", "b:support", "b:sales")));
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        pbxA.close();
        pbxB.close();
    }

    @BeforeEach
    void chromium() {
        Browser.assumeInstalled();
    }

    @Test
    void theQueuesPageTheIntervalReportAndItsCsvShowSupportOnPbxBAsSupportB() {
        String onB = "b:"
                + pbxB.run(new QueueCallAnswered(
                                new Caller("+4930222222", "Caller", "500"), "support", "1001", 1, 1, HangupBy.CALLER))
                        .orTimeout(30, TimeUnit.SECONDS)
                        .join()
                        .linkedid();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !jdbc.queryForList("select id from activities where call_id = ?", onB)
                        .isEmpty());

        // each place checked on its own: one showing the raw name does not hide another
        SoftAssertions softly = new SoftAssertions();
        try (Browser admin = Browser.open(port())) {
            admin.logIn("queue-admin", PASSWORD);
            admin.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/wallboard"));

            admin.go("/admin/queues");
            for (String pbx : List.of("a", "b")) {
                String row = rowText(admin, By.cssSelector("#queue-list tr[data-queue='" + pbx + ":support']"));
                softly.assertThat(row).startsWith("support (" + pbx + ")").doesNotContain(pbx + ":support");
            }

            admin.go("/reports/intervals?step=day&queue=b:support");
            String row = rowText(admin, By.cssSelector("#intervals-table tr.total[data-queue='b:support']"));
            softly.assertThat(row).startsWith("support (b) whole range 1 1");
            softly.assertThat(admin.driver()
                            .findElement(By.id("intervals-formulas"))
                            .getText())
                    .startsWith("support (b): service level")
                    .doesNotContain("b:support");

            admin.go("/reports/calls?queue=b:support&" + aroundNow());
            String call = rowText(admin, By.cssSelector("#calls-list tbody tr[data-id]"));
            softly.assertThat(call).contains("support (b) 1001 (b)").doesNotContain("b:support");
        }

        HttpResponse<String> settingsOfB = admin("GET", "/api/v1/queue-settings/b:support");
        softly.assertThat(Api.json(settingsOfB).path("label").asText()).isEqualTo("support (b)");
        HttpResponse<String> csv = admin("GET", "/api/v1/reports/intervals.csv?step=day&queue=b:support");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(2);
        softly.assertThat(lines.get(1)).startsWith("\"support (b)\",");
        HttpResponse<String> calls = admin("GET", "/api/v1/reports/calls.csv?queue=b:support&" + aroundNow());
        assertThat(calls.statusCode()).as(calls.body()).isEqualTo(200);
        softly.assertThat(calls.body().lines().skip(1).toList())
                .singleElement()
                .asString()
                .contains("\"support (b)\",\"1001 (b)\",");
        softly.assertAll();
    }

    @Test
    void anAgentOnPbxBIsOfferedOnlyItsQueuesAndRefusedAQueueOfPbxA() {
        try (Browser bert = Browser.open(port())) {
            bert.logIn("bert", PASSWORD);
            bert.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/agent"));
            By options = By.cssSelector("#queue-choice option");
            bert.waiting(Duration.ofSeconds(10))
                    .until(driver -> !driver.findElements(options).isEmpty());
            List<String> values = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (WebElement option : bert.driver().findElements(options)) {
                values.add(option.getAttribute("value"));
                shown.add(option.getText());
            }
            assertThat(values).containsExactlyInAnyOrder("b:sales", "b:support");
            assertThat(shown).containsExactlyInAnyOrder("sales", "support");

            new Select(bert.driver().findElement(By.id("queue-choice"))).selectByValue("b:sales");
            bert.driver().findElement(By.id("queue-login")).click();
            bert.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBe(By.id("queue-result"), "Logged in to sales."));
        }

        HttpResponse<String> refused =
                new Api(port()).call("POST", "/api/v1/agents/me/queues/a:support", "bert", PASSWORD, null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Api.json(refused).path("errors").get(0).path("field").asText())
                .isEqualTo("queue");
    }

    @Test
    void aPreviewDialFromTheDesktopOfAnAgentOnPbxBRingsOnPbxBWithTheAgentNamedAsEventsNameThem() {
        HttpResponse<String> created = new Api(port())
                .call(
                        "POST",
                        "/api/v1/campaigns",
                        "queue-admin",
                        PASSWORD,
                        "{\"name\":\"Preview on b\",\"dialMode\":\"PREVIEW\",\"queue\":\"campaign\","
                                + "\"callerId\":\"+4930555000\",\"agents\":[\"bert\"],\"maxAttempts\":1,"
                                + "\"callWindow\":{\"hours\":[\"MON-SUN 00:00-24:00\"],\"holidays\":[]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long campaign = Api.json(created).path("id").asLong();
        // straight into the table: list imports are tested elsewhere and run in the background
        jdbc.update(
                "insert into leads (campaign_id, e164, name, timezone, status, priority, attempts, next_attempt_at,"
                        + " created_at, updated_at) values (?, '+4930700001', 'Lead on b', 'Europe/Berlin', 'NEW', 0, 0,"
                        + " now(), now(), now())",
                campaign);
        HttpResponse<String> started =
                new Api(port()).call("POST", "/api/v1/campaigns/" + campaign + "/start", "queue-admin", PASSWORD, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        long startedOnA = pbxA.stats().callsStarted();
        long startedOnB = pbxB.stats().callsStarted();

        try (Browser bert = Browser.open(port())) {
            bert.logIn("bert", PASSWORD);
            bert.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/agent"));
            By next = By.cssSelector("#my-campaigns li[data-campaign-id='" + campaign + "'] .next-lead");
            bert.waiting(Duration.ofSeconds(15))
                    .until(ExpectedConditions.elementToBeClickable(next))
                    .click();
            By dial = By.cssSelector("#preview .preview-lead .dial-lead");
            bert.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(dial));

            // the lead is bert's: the attempt names him as call events do, 1001 on PBX b, not a bare 1001
            assertThat(jdbc.queryForObject(
                            "select agent_extension from lead_attempts where campaign_id = ?", String.class, campaign))
                    .isEqualTo("b:1001");

            bert.driver().findElement(dial).click();
            bert.waiting(Duration.ofSeconds(15))
                    .until(ExpectedConditions.textMatches(
                            By.cssSelector("#preview .dial-lead-result"),
                            java.util.regex.Pattern.compile("^Dialling")));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> pbxB.stats().callsStarted() > startedOnB);
        // the attempt's end is the proof the call is over: nothing of it can reach PBX a after that
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from lead_attempts where campaign_id = ? and ended_at is not null",
                                Long.class,
                                campaign)
                        == 1);
        assertThat(pbxA.stats().callsStarted()).as("nothing dialled on PBX a").isEqualTo(startedOnA);
        assertThat(jdbc.queryForMap("select pbx, agent_extension from lead_attempts where campaign_id = ?", campaign))
                .containsEntry("pbx", "b")
                .containsEntry("agent_extension", "b:1001");
    }

    /**
     * A range of calls sure to hold the test's call: the simulator runs four times faster than the clock from its
     * start, so the times its events carry (the calls' starts) may lie ahead of now.
     */
    private static String aroundNow() {
        java.time.Instant now = java.time.Instant.now();
        return "from=" + now.minus(Duration.ofDays(1)) + "&to=" + now.plus(Duration.ofDays(1));
    }

    private static String rowText(Browser browser, By row) {
        try {
            return browser.waiting(Duration.ofSeconds(15)).until(driver -> {
                try {
                    return driver.findElement(row).getText();
                } catch (NoSuchElementException | StaleElementReferenceException e) {
                    return null;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "no " + row + " on " + browser.driver().getCurrentUrl() + ", which reads: "
                            + ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                                    .executeScript("return document.body.innerText"),
                    e);
        }
    }

    private List<String> queueNames() {
        List<String> names = new ArrayList<>();
        Api.json(admin("GET", "/api/v1/queues"))
                .forEach(queue -> names.add(queue.path("name").asText()));
        return names;
    }

    private HttpResponse<String> admin(String method, String path) {
        return new Api(port()).call(method, path, "queue-admin", PASSWORD, null);
    }

    private int port() {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private ConfigurableApplicationContext node(String url) {
        return new SpringApplicationBuilder(SwitchboardApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--switchboard.demo.seed=false",
                        "--switchboard.simulator.enabled=false",
                        "--switchboard.dialer.tick=100ms",
                        "--switchboard.dialer.wrap-up=0s",
                        "--switchboard.edge.port=0",
                        "--switchboard.edge.allowed-origins=" + Desktop.ORIGIN,
                        "--switchboard.edge.token-secret=a-token-secret-for-the-queues-per-pbx-test-0123",
                        "--switchboard.pbxes[0].id=a",
                        "--switchboard.pbxes[0].host=127.0.0.1",
                        "--switchboard.pbxes[0].port=" + pbxA.port(),
                        "--switchboard.pbxes[0].username=" + settings.username(),
                        "--switchboard.pbxes[0].secret=" + settings.secret(),
                        "--switchboard.pbxes[1].id=b",
                        "--switchboard.pbxes[1].host=127.0.0.1",
                        "--switchboard.pbxes[1].port=" + pbxB.port(),
                        "--switchboard.pbxes[1].username=" + settings.username(),
                        "--switchboard.pbxes[1].secret=" + settings.secret());
    }
}
