package io.switchboard.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.testing.Browser;
import io.switchboard.testing.SharedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17's "done when", walked as a new user would: an empty PostgreSQL, the real Asterisk of the suite
 * ({@link AsteriskRig}, the repository's config/ samples), no demo, and only the pages in Chromium. The setup token
 * is read from the log; the first admin is created at {@code /setup}; the admin creates a team working the queue
 * {@code support}, agents at 1001 and 1002, and sets the queue's display name, service level and wrap-up; agent 1001
 * chooses their password, logs in to the queue from the desktop, a customer calls the DID, the call pops on that
 * desktop, the phone answers, the call ends and the desktop's recent calls show it, logged as one activity.
 *
 * <p>Nothing here writes SQL or calls the REST API itself: every change is a click or a keystroke on a page. The
 * test reads the database only to check what the pages said. What it drives on Asterisk is the customer (a call
 * from the carrier) and the agent's phone (answers after 2 s), as people would.
 */
@Tag("asterisk") // run by agent-api's own asterisk-suite Surefire execution (pom.xml)
@ExtendWith({RequiresAsterisk.class, OutputCaptureExtension.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after the class: it would otherwise stay linked to the shared Asterisk and follow the other classes' calls,
// and a rerun of a failed walk needs an empty database again (see emptyDatabase)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AdministrationWalkthroughOnAsteriskTest {

    private static final Pattern TOKEN = Pattern.compile("setup token ([A-Za-z0-9_-]{32}) ");
    private static final String ADMIN_PASSWORD = "violet-harbour-tram-42";
    private static final String FIRST_PASSWORD = "first-day-at-the-desk";
    private static final String AGENT_PASSWORD = "my-very-own-passphrase";
    private static final String CALLER = "+4930555777";
    private static final Duration PAGE = Duration.ofSeconds(15);

    /** The start's log, as FirstStartTest reads it: the console capture or this appender, whichever hears it. */
    private static final ListAppender<ILoggingEvent> SETUP_LOG = new ListAppender<>();

    @DynamicPropertySource
    static void emptyDatabaseAndTheRealAsterisk(DynamicPropertyRegistry registry) {
        AsteriskRig rig = AsteriskRig.shared();
        registry.add("spring.datasource.url", AdministrationWalkthroughOnAsteriskTest::emptyDatabase);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("switchboard.simulator.enabled", () -> false);
        registry.add("switchboard.ami.port", rig::amiPort);
        registry.add("switchboard.ami.secret", rig::amiSecret);
        registry.add("switchboard.ami.max-backoff", () -> "1s");
        // SWITCHBOARD_DEMO_SEED=false, as the README's "Connecting a real Asterisk" starts it
        registry.add("switchboard.demo.seed", () -> false);
        registry.add("switchboard.edge.port", () -> 0);
    }

    /** This run's database, created when the context first asks for it (Spring asks a supplier more than once). */
    private static String database;

    private static synchronized String emptyDatabase() {
        if (database == null) {
            database = "walkthrough_" + System.nanoTime();
            new JdbcTemplate(SharedPostgres.get().getPostgresDatabase()).execute("create database " + database);
        }
        return SharedPostgres.get().getJdbcUrl("postgres", database);
    }

    @BeforeAll
    static void listenToTheSetupLogAndEmptyTheQueue() {
        // before the context starts: a rerun of the class (the suite reruns failures) starts on a new empty database
        synchronized (AdministrationWalkthroughOnAsteriskTest.class) {
            database = null;
        }
        SETUP_LOG.list.clear();
        SETUP_LOG.start();
        ((Logger) LoggerFactory.getLogger("io.switchboard.setup.SetupState")).addAppender(SETUP_LOG);
        // the rig is shared with the suite's other classes, whose agents may still be members of the queue
        AsteriskRig rig = AsteriskRig.shared();
        rig.resetPhones();
        for (String extension : AsteriskRig.PHONES) {
            rig.pbxCli("queue remove member Local/" + extension + "@agent-sim/n from support");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewUserGoesFromAnEmptyDatabaseToAnAgentTakingACallUsingOnlyThePages(CapturedOutput output) {
        Browser.assumeInstalled();
        AsteriskRig rig = AsteriskRig.shared();
        String token = setupToken(output);

        // one browser, as at a desk: the admin sets up and logs out, then the agent logs in
        try (Browser browser = Browser.open(port)) {
            createTheFirstAdmin(browser, token);
            createTheTeam(browser);
            createAgent(browser, "anna", "Anna Agent", "1001");
            createAgent(browser, "bruno", "Bruno Agent", "1002");
            setTheQueue(browser);
            browser.driver().findElement(By.cssSelector("form.logout button")).click();
            browser.waiting(PAGE).until(ExpectedConditions.urlContains("/login"));

            Browser anna = browser;
            chooseOwnPasswordAtFirstLogin(anna, "anna");
            logInToTheQueue(anna);
            assertThat(rig.pbxCli("queue show support")).contains("Local/1001@agent-sim/n");

            rig.phone("1001", "2", 3);
            rig.callIn("500", CALLER, "Walk Through", 30);

            WebElement pop = anna.waiting(PAGE)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pop .pop-card")));
            assertThat(pop.getText()).contains(CALLER);
            anna.screenshot("walkthrough-pop");

            // the phone answers after 2 s and hangs up after 3 s of talk; the desktop lists the call once logged
            String row = anna.waiting(Duration.ofSeconds(40)).until(driver -> callRow(driver, CALLER));
            assertThat(row).contains("answered", "support 1001");
            anna.screenshot("walkthrough-recent-calls");
        }

        List<Map<String, Object>> activities =
                jdbc.queryForList("select * from activities where caller_number = ?", CALLER);
        assertThat(activities).as("one activity for the call").hasSize(1);
        assertThat(activities.get(0))
                .containsEntry("direction", "INBOUND")
                .containsEntry("outcome", "ANSWERED")
                .containsEntry("queue", "support")
                .containsEntry("agent_extension", "1001")
                .containsEntry(
                        "agent_id", jdbc.queryForObject("select id from users where username = 'anna'", Long.class));
        // the call is over: Asterisk has no channel of it left and the log wrote nothing else
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.activeChannels() == 0);
        assertThat(jdbc.queryForObject("select count(*) from activities", Long.class))
                .isEqualTo(1);
    }

    private static String setupToken(CapturedOutput output) {
        String log = output.getOut()
                + output.getErr()
                + SETUP_LOG.list.stream()
                        .map(ILoggingEvent::getFormattedMessage)
                        .reduce("", String::concat);
        Matcher logged = TOKEN.matcher(log);
        assertThat(logged.find()).as("the setup token in the log").isTrue();
        return logged.group(1);
    }

    private static void createTheFirstAdmin(Browser admin, String token) {
        admin.go("/");
        admin.waiting(PAGE).until(ExpectedConditions.urlContains("/setup"));
        WebDriver page = admin.driver();
        page.findElement(By.id("token")).sendKeys(token);
        page.findElement(By.id("username")).sendKeys("olivia");
        page.findElement(By.id("displayName")).sendKeys("Olivia Owner");
        page.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        page.findElement(By.id("confirmation")).sendKeys(ADMIN_PASSWORD);
        page.findElement(By.id("create")).click();
        admin.waiting(PAGE).until(ExpectedConditions.urlContains("/login?setup"));
        admin.logIn("olivia", ADMIN_PASSWORD);
        admin.waiting(PAGE).until(ExpectedConditions.urlContains("/wallboard"));
    }

    /** The team, and the queue it works: its supervisors' wallboard and its agents' desktops offer that queue. */
    private static void createTheTeam(Browser admin) {
        admin.go("/admin/teams");
        WebDriver page = admin.driver();
        page.findElement(By.id("team-name")).sendKeys("Support");
        page.findElement(By.cssSelector("#team-form button[type='submit']")).click();
        By row = By.cssSelector("#team-list tr[data-team='Support']");
        admin.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(row));
        retryingStale(admin, driver -> {
            WebElement queues = driver.findElement(row).findElement(By.tagName("input"));
            queues.clear();
            queues.sendKeys("support");
            driver.findElement(row)
                    .findElement(By.xpath(".//button[text()='Save queues']"))
                    .click();
            return true;
        });
        admin.waiting(PAGE)
                .until(driver -> retrying(() -> "support"
                        .equals(driver.findElement(row)
                                .findElement(By.tagName("input"))
                                .getDomProperty("value"))));
    }

    private static void createAgent(Browser admin, String username, String name, String extension) {
        admin.go("/admin/users");
        WebDriver page = admin.driver();
        admin.waiting(PAGE)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#user-team option[value='Support']")));
        page.findElement(By.id("user-username")).sendKeys(username);
        page.findElement(By.id("user-name")).sendKeys(name);
        new Select(page.findElement(By.id("user-role"))).selectByValue("AGENT");
        new Select(page.findElement(By.id("user-team"))).selectByValue("Support");
        page.findElement(By.id("user-extension")).sendKeys(extension);
        page.findElement(By.id("user-password")).sendKeys(FIRST_PASSWORD);
        page.findElement(By.id("save-user")).click();
        admin.waiting(PAGE).until(ExpectedConditions.textToBe(By.id("user-saved"), "Saved " + username + "."));
    }

    /** The queue Switchboard learned from Asterisk, with a display name, its team, service level and wrap-up. */
    private static void setTheQueue(Browser admin) {
        admin.go("/admin/queues");
        WebDriver page = admin.driver();
        By support = By.cssSelector("#queue-list tr[data-queue='support']");
        admin.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(support));
        retryingStale(admin, driver -> {
            driver.findElement(support).findElement(By.tagName("button")).click();
            return true;
        });
        admin.waiting(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-display-name")));
        admin.waiting(PAGE)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#queue-team option[value='Support']")));
        page.findElement(By.id("queue-display-name")).sendKeys("Customer support");
        new Select(page.findElement(By.id("queue-team"))).selectByValue("Support");
        page.findElement(By.id("queue-sl-seconds")).sendKeys("20");
        page.findElement(By.id("queue-sl-target")).sendKeys("80");
        // equal to the queue's wrapuptime, as the README says (the rig's queues.conf has 2 s instead of the sample's
        // 10)
        String wrapUp = Long.toString(SampleConfiguration.WRAP_UP.toSeconds());
        page.findElement(By.id("queue-wrap-up")).sendKeys(wrapUp);
        page.findElement(By.id("save-queue")).click();
        admin.waiting(PAGE).until(ExpectedConditions.textToBe(By.id("queue-saved"), "Saved queue support."));
        String shown = admin.waiting(PAGE)
                .until(driver -> retrying(() -> {
                    String text = driver.findElement(support).getText();
                    return text.contains("Customer support") ? text : null;
                }));
        assertThat(shown).contains("Support", "20 s", "80 %");
        // the wrap-up is the last setting, just before the Edit button
        assertThat(shown.replaceAll("\\s+", " ")).endsWith(" " + wrapUp + " s Edit");
    }

    private static void chooseOwnPasswordAtFirstLogin(Browser agent, String username) {
        agent.logIn(username, FIRST_PASSWORD);
        agent.waiting(PAGE).until(ExpectedConditions.urlContains("/password"));
        WebDriver page = agent.driver();
        page.findElement(By.id("current-password")).sendKeys(FIRST_PASSWORD);
        page.findElement(By.id("new-password")).sendKeys(AGENT_PASSWORD);
        page.findElement(By.id("repeat-password")).sendKeys(AGENT_PASSWORD);
        page.findElement(By.id("change-password")).click();
        agent.waiting(PAGE).until(ExpectedConditions.urlContains("/agent"));
    }

    /** The desktop offers the team's queue by its display name; logging in makes the agent a member on Asterisk. */
    private static void logInToTheQueue(Browser agent) {
        By option = By.cssSelector("#queue-choice option[value='support']");
        WebElement offered = agent.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(option));
        assertThat(offered.getText()).isEqualTo("Customer support (support)");
        new Select(agent.driver().findElement(By.id("queue-choice"))).selectByValue("support");
        agent.driver().findElement(By.id("queue-login")).click();
        agent.waiting(PAGE)
                .until(driver -> retrying(
                        () -> driver.findElement(By.id("my-queues")).getText().contains("support: READY")));
    }

    /** The desktop's recent-calls row of the caller, once the page lists it. */
    private static String callRow(WebDriver driver, String caller) {
        return retrying(() -> driver.findElements(By.cssSelector("#calls tbody tr")).stream()
                .map(WebElement::getText)
                .filter(text -> text.contains(caller))
                .findFirst()
                .orElse(null));
    }

    /** Pages redraw their lists from the API: a read that meets a redrawn row is tried again at the next poll. */
    private static <T> T retrying(java.util.function.Supplier<T> read) {
        try {
            T value = read.get();
            return value instanceof Boolean found && !found ? null : value;
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return null;
        }
    }

    private static void retryingStale(Browser browser, java.util.function.Function<WebDriver, Boolean> action) {
        browser.waiting(PAGE).ignoring(StaleElementReferenceException.class).until(action::apply);
    }
}
