package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.campaign.dnc.DncKind;
import io.switchboard.campaign.dnc.DoNotCall;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.testing.Browser;
import io.switchboard.testing.PageTestApplication;
import io.switchboard.testing.SharedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The campaign manager's page in a real headless Chromium: a campaign is set up, a list with two bad rows is
 * uploaded and its rows are reported, the campaign starts and its calls show in the live progress.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class CampaignPageInChromiumTest {

    private static final String PASSWORD = "correct-horse";
    private static int httpPort;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) throws IOException {
        httpPort = PageTestApplication.freePort();
        // a database of its own: other test contexts' dialers share the server, and only one node dials per database
        PageTestApplication.register(registry, httpPort, CampaignPageInChromiumTest::ownDatabase, 4);
        // every customer the campaign dials answers and talks to one of three simulated campaign agents
        registry.add("switchboard.simulator.outbound.human", () -> 1.0);
        registry.add("switchboard.simulator.outbound.no-answer", () -> 0);
        registry.add("switchboard.simulator.outbound.busy", () -> 0);
        registry.add("switchboard.simulator.outbound.machine", () -> 0);
        registry.add("switchboard.simulator.outbound.failed", () -> 0);
        registry.add("switchboard.simulator.outbound.members", () -> 3);
        registry.add("switchboard.edge.allowed-origins", () -> "http://127.0.0.1:" + httpPort);
    }

    @Autowired
    AmiGateway gateway;

    @Autowired
    Directory directory;

    @Autowired
    DoNotCall doNotCall;

    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void aCampaignManager() {
        Browser.assumeInstalled();
        if (directory.findByUsername("mona").isEmpty()) {
            DirectoryUser mona = directory.add(new NewUser("mona", "Mona Manager", Role.CAMPAIGN_MANAGER, null, null));
            directory.setPasswordHash(mona.id(), encoder.encode(PASSWORD));
            doNotCall.add(null, DncKind.NUMBER, "+493055580004", "asked not to be called", mona.viewer());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.linkStatus().state() == LinkStatus.State.UP);
    }

    @Test
    void managerCreatesACampaignUploadsAListSeesTheBadRowsAndWatchesItRun() throws IOException {
        Path list = Files.createTempFile("winter-offer", ".csv");
        Files.writeString(
                list,
                String.join(
                        "\n",
                        "number,name,plan",
                        "+49 30 5558 0001,Ada Lovelace,gold",
                        "030 5558 0002,Alan Turing,silver",
                        "not a number,Nobody,none",
                        "+49 30 5558 0004,Does Not Call,gold",
                        "+49 30 5558 0005,Grace Hopper,bronze",
                        ""));
        try (Browser browser = Browser.open(httpPort)) {
            browser.logIn("mona", PASSWORD);
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/campaigns"));

            browser.driver()
                    .findElement(By.cssSelector("#new-campaign summary"))
                    .click();
            WebElement form = browser.driver().findElement(By.id("campaign-form"));
            // one PBX: nothing to choose, so the page does not ask
            assertThat(form.findElements(By.id("campaign-pbxes"))).isEmpty();
            form.findElement(By.name("name")).sendKeys("Winter offer");
            new Select(form.findElement(By.name("dialMode"))).selectByValue("PROGRESSIVE");
            form.findElement(By.name("agents")).clear();
            // open around the clock: the form's office hours would leave the leads undialled in the evening, at
            // weekends and on the default holidays, whenever the test happens to run
            form.findElement(By.name("hours")).clear();
            form.findElement(By.name("hours")).sendKeys("MON-SUN 00:00-24:00");
            form.findElement(By.name("holidays")).clear();
            form.findElement(By.cssSelector("button[type=submit]")).click();

            browser.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBe(By.id("campaign-title"), "Winter offer"));
            assertThat(browser.driver().findElement(By.id("campaign-status")).getText())
                    .isEqualTo("DRAFT");

            browser.driver()
                    .findElement(By.id("list-file"))
                    .sendKeys(list.toAbsolutePath().toString());
            browser.driver().findElement(By.cssSelector("#upload-form button")).click();

            By summary = By.cssSelector("#import-report .import-summary");
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.textMatches(summary, java.util.regex.Pattern.compile("^DONE.*")));
            assertThat(browser.driver().findElement(summary).getText())
                    .contains("5 rows read", "3 imported", "2 rejected", "Read as UTF-8 (detected)");
            List<WebElement> rejected = browser.driver().findElements(By.cssSelector("#rejected-rows tbody tr"));
            assertThat(rejected).hasSize(2);
            assertThat(rejected.get(0).getText()).contains("4", "not a number", "not a valid phone number");
            assertThat(rejected.get(1).getText()).contains("5", "+49 30 5558 0004", "do-not-call");
            browser.screenshot("campaign-list-report");

            browser.driver().findElement(By.id("start")).click();
            browser.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBe(By.id("campaign-status"), "RUNNING"));
            // the three good leads are dialled, answered and talked to; the tiles and the pacing line follow live
            browser.waiting(Duration.ofSeconds(60))
                    .until(driver -> tile(driver, "answered today").equals("3"));
            assertThat(tile(browser.driver(), "leads")).isEqualTo("3");
            assertThat(browser.driver().findElement(By.id("pacing")).getText()).startsWith("Pacing: progressive");
            browser.screenshot("campaigns");
        } finally {
            Files.deleteIfExists(list);
        }
    }

    /** A progress tile's value; the tiles are redrawn on every update, so a stale read is read again. */
    private static String tile(org.openqa.selenium.WebDriver driver, String label) {
        for (int attempt = 0; ; attempt++) {
            try {
                for (WebElement tile : driver.findElements(By.cssSelector("#tiles .tile"))) {
                    if (tile.findElement(By.cssSelector(".label")).getText().equals(label)) {
                        return tile.findElement(By.cssSelector(".value")).getText();
                    }
                }
                return "";
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 10) {
                    throw redrawn;
                }
            }
        }
    }

    private static String ownDatabase() {
        var postgres = SharedPostgres.get();
        var admin = new org.springframework.jdbc.core.JdbcTemplate(postgres.getPostgresDatabase());
        if (admin.queryForList("select 1 from pg_database where datname = 'campaign_page'")
                .isEmpty()) {
            admin.execute("create database campaign_page");
        }
        return postgres.getJdbcUrl("postgres", "campaign_page") + "&reWriteBatchedInserts=true";
    }
}
