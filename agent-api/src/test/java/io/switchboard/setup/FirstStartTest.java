package io.switchboard.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.directory.Directory;
import io.switchboard.directory.Role;
import io.switchboard.testing.Api;
import io.switchboard.testing.Browser;
import io.switchboard.testing.SharedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The first start without the demo: the application on an empty PostgreSQL database of its own, no demo seed. Only
 * the log holds the setup token; until the first admin exists nothing but {@code /setup} works; then the token is
 * dead.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstStartTest {

    private static final Pattern TOKEN = Pattern.compile("setup token ([A-Za-z0-9_-]{32}) ");
    private static final String PASSWORD = "violet-harbour-tram-42";

    @DynamicPropertySource
    static void emptyDatabaseWithoutTheDemo(DynamicPropertyRegistry registry) throws IOException {
        int amiPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            amiPort = socket.getLocalPort();
        }
        registry.add("spring.datasource.url", FirstStartTest::emptyDatabase);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("switchboard.ami.port", () -> amiPort);
        registry.add("switchboard.simulator.calls-per-second", () -> 0);
        registry.add("switchboard.demo.seed", () -> false);
        registry.add("switchboard.edge.port", () -> 0);
    }

    /**
     * The start's log is read from the console capture and from this appender on SetupState's logger, whichever
     * hears it: that depends on whether another test's application set up logging in this JVM before this one.
     */
    private static final ListAppender<ILoggingEvent> SETUP_LOG = new ListAppender<>();

    @BeforeAll
    static void listenToTheSetupLog() {
        SETUP_LOG.start();
        ((Logger) LoggerFactory.getLogger(SetupState.class)).addAppender(SETUP_LOG);
    }

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Test
    void anEmptyDatabaseStartsInSetupUntilTheFirstAdminIsCreatedWithTheTokenFromTheLog(CapturedOutput output) {
        Api api = Api.browser(port);

        HttpResponse<String> contacts = api.call("GET", "/api/v1/contacts", null, null, null);
        assertThat(contacts.statusCode()).isEqualTo(503);
        assertThat(contacts.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.json(contacts).get("title").asString()).isEqualTo("Setup required");
        assertThat(api.call("GET", "/api/v1/contacts", "admin", PASSWORD, null).statusCode())
                .isEqualTo(503);
        // health is not held back by setup; it is UP once the AMI link is up, which may take a moment after start
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        api.call("GET", "/actuator/health", null, null, null).statusCode() == 200);
        for (String page : new String[] {"/", "/login", "/agent", "/wallboard", "/campaigns"}) {
            HttpResponse<String> redirect = api.call("GET", page, null, null, null);
            assertThat(redirect.statusCode()).as(page).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location"))
                    .as(page)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/setup"));
        }

        String log = output.getOut()
                + output.getErr()
                + SETUP_LOG.list.stream()
                        .map(ILoggingEvent::getFormattedMessage)
                        .reduce("", String::concat);
        Matcher logged = TOKEN.matcher(log);
        assertThat(logged.find()).as("the setup token in the log").isTrue();
        String token = logged.group(1);
        assertThat(logged.results().map(found -> found.group(1)).filter(other -> !other.equals(token)))
                .as("one token only")
                .isEmpty();
        assertThat(api.call("GET", "/setup", null, null, null).body()).doesNotContain(token);

        Browser.assumeInstalled();
        try (Browser browser = Browser.open(port)) {
            browser.go("/wallboard");
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/setup"));

            fill(browser, "not-the-token", "olivia", PASSWORD, PASSWORD);
            assertThat(errors(browser)).contains("Setup token");

            fill(browser, token, "olivia", "olivia-1234", "olivia-1234");
            assertThat(errors(browser))
                    .contains("must have at least 12 characters")
                    .contains("must not be or contain the username");
            fill(browser, token, "olivia", "password1234", "password1234");
            assertThat(errors(browser)).contains("is one of the 10,000 most common passwords");
            fill(browser, token, "olivia", PASSWORD, PASSWORD + "x");
            assertThat(errors(browser)).contains("the two passwords differ");
            assertThat(directory.findByUsername("olivia")).isEmpty();

            fill(browser, token, "olivia", PASSWORD, PASSWORD);
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?setup"));
            browser.screenshot("first-start-setup-done");
            browser.logIn("olivia", PASSWORD);
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/wallboard"));
        }
        assertThat(directory.findByUsername("olivia"))
                .hasValueSatisfying(admin -> assertThat(admin.role()).isEqualTo(Role.ADMIN));
        assertThat(api.call("GET", "/api/v1/contacts", "olivia", PASSWORD, null).statusCode())
                .isEqualTo(200);

        // the token is dead: the page sends to the login, and a replayed form creates nobody
        HttpResponse<String> setupPage = api.call("GET", "/setup", null, null, null);
        assertThat(setupPage.statusCode()).isEqualTo(302);
        assertThat(setupPage.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        String csrf = hiddenCsrf(api.call("GET", "/login", null, null, null).body());
        HttpResponse<String> replay = api.send(HttpRequest.newBuilder(api.uri("/setup"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(
                        "_csrf", csrf,
                        "token", token,
                        "username", "mallory",
                        "password", PASSWORD,
                        "confirmation", PASSWORD))));
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(directory.findByUsername("mallory")).isEmpty();
    }

    private static void fill(Browser browser, String token, String username, String password, String again) {
        browser.driver().findElement(By.id("token")).clear();
        browser.driver().findElement(By.id("token")).sendKeys(token);
        browser.driver().findElement(By.id("username")).clear();
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("confirmation")).sendKeys(again);
        // the form posts and the server answers with a new page: wait until the old one is gone, or the errors read
        // next could be the previous answer's (or vanish while being read)
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.id("create")).click();
        browser.waiting(Duration.ofSeconds(10)).until(Browser.gone(page));
    }

    private static String errors(Browser browser) {
        return browser.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")))
                .getText();
    }

    private static String hiddenCsrf(String html) {
        Matcher value = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(value.find()).as("the login form's CSRF field").isTrue();
        return value.group(1);
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static String emptyDatabase() {
        var postgres = SharedPostgres.get();
        String name = "first_start_" + System.nanoTime();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database " + name);
        return postgres.getJdbcUrl("postgres", name) + "&reWriteBatchedInserts=true";
    }
}
