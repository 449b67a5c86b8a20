package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.campaign.CallWindow;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignSettings;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.list.LeadColumns;
import io.switchboard.campaign.list.LeadImportOptions;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.contact.Contact;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatedCall;
import io.switchboard.testing.Browser;
import io.switchboard.testing.PageTestApplication;
import io.switchboard.ticket.NewTicket;
import io.switchboard.ticket.SupportTiers;
import io.switchboard.ticket.Ticket;
import io.switchboard.ticket.TicketPriority;
import io.switchboard.ticket.Tickets;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The pages in a real headless Chromium against the whole application, the simulator and PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PagesInChromiumTest {

    private static final String PASSWORD = "correct-horse";
    private static int httpPort;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) throws IOException {
        httpPort = PageTestApplication.freePort();
        PageTestApplication.register(registry, httpPort, PageTestApplication::sharedDatabase, 1);
        registry.add("switchboard.edge.allowed-origins", () -> "http://127.0.0.1:" + httpPort);
        registry.add("switchboard.queues.sample-interval", () -> "1s");
    }

    @Autowired
    AmiSimulator simulator;

    @Autowired
    AmiGateway gateway;

    @Autowired
    Directory directory;

    @Autowired
    Contacts contacts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Tickets tickets;

    @Autowired
    SupportTiers tiers;

    @Autowired
    Campaigns campaigns;

    @Autowired
    LeadImports leadImports;

    @BeforeEach
    void usersAndACustomer() {
        Browser.assumeInstalled();
        if (directory.findByUsername("wendy").isEmpty()) {
            TeamId support = directory.team("Web Support");
            user("wendy", Role.AGENT, support, "1002");
            user("sven", Role.SUPERVISOR, support, null);
            contacts.create(new NewContact(
                    "Grace Hopper",
                    "Cobol Insurance",
                    "grace@example.org",
                    null,
                    null,
                    Visibility.COMPANY,
                    Set.of("vip"),
                    "Prefers morning calls",
                    List.of(new NewPhone(PhoneType.WORK, "+49 30 5550100"))));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.linkStatus().state() == LinkStatus.State.UP);
    }

    @Test
    void agentSeesThePopWithinASecondOfTheRingAndStoresADisposition() {
        try (Browser browser = Browser.open(httpPort)) {
            browser.logIn("wendy", PASSWORD);
            browser.waiting(Duration.ofSeconds(10)).until(Browser.ctiUp());
            browser.screenshot("agent-desktop-waiting");

            simulator.run(new QueueCallAnswered(
                    new Caller("+49305550100", "Grace Hopper", "500"), "support", "1002", 3, 2, HangupBy.AGENT));

            WebElement pop = browser.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pop .pop-card")));
            Instant shown = Instant.now();
            Instant ringing = Instant.parse(pop.getDomAttribute("data-ringing-at"));
            assertThat(pop.findElement(By.className("caller")).getText()).isEqualTo("Grace Hopper");
            assertThat(pop.getText()).contains("Cobol Insurance").contains("Prefers morning calls");
            assertThat(Duration.between(ringing, shown)).isLessThan(Duration.ofSeconds(1));
            browser.screenshot("agent-desktop-pop");

            WebElement close = browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#calls button.close-call")));
            close.click();
            new Select(browser.driver().findElement(By.id("disposition-code"))).selectByValue("CALLBACK");
            browser.driver().findElement(By.id("disposition-notes")).sendKeys("Call back about the renewal");
            browser.screenshot("agent-desktop-disposition");
            browser.driver().findElement(By.id("disposition-save")).click();

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !jdbc.queryForList(
                                    "select disposition, notes from activities where agent_extension = '1002'"
                                            + " and disposition is not null")
                            .isEmpty());
            Map<String, Object> stored = jdbc.queryForMap(
                    "select disposition, notes from activities where agent_extension = '1002' and disposition is not null");
            assertThat(stored)
                    .containsEntry("disposition", "CALLBACK")
                    .containsEntry("notes", "Call back about the renewal");
        }
    }

    @Test
    void agentTransfersTheirCallFromTheDesktopWithTheKeyboardAndSeesItsPath() {
        try (Browser browser = Browser.open(httpPort)) {
            browser.logIn("wendy", PASSWORD);
            browser.waiting(Duration.ofSeconds(10)).until(Browser.ctiUp());
            WebElement result = browser.driver().findElement(By.id("control-result"));
            browser.driver().findElement(By.id("hangup")).click();
            browser.waiting(Duration.ofSeconds(5))
                    .until(driver -> result.getText().contains("on no call"));

            CompletableFuture<SimulatedCall> call = simulator.run(new QueueCallAnswered(
                    new Caller("+49305550101", "Tina Transfer", "500"), "support", "1002", 1, 600, HangupBy.AGENT));
            browser.waiting(Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pop .pop-card.talking")));
            WebElement target = browser.driver().findElement(By.id("transfer-target"));
            assertThat(browser.driver()
                            .findElement(By.cssSelector("label:has(#transfer-target)"))
                            .getText())
                    .startsWith("Transfer to");
            target.sendKeys("1003", Keys.ENTER);

            browser.waiting(Duration.ofSeconds(5))
                    .until(driver -> result.getText().equals("Transferred to 1003."));
            browser.screenshot("agent-desktop-transfer");
            String callId = call.orTimeout(30, TimeUnit.SECONDS).join().linkedid();
            assertThat(call.join().answeredBy()).contains("1003");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from activity_legs where call_id = ?", Long.class, callId)
                            == 2);
            By path = By.cssSelector("#calls td.path");
            browser.waiting(Duration.ofSeconds(25))
                    .until(driver -> driver.findElements(path).stream()
                            .anyMatch(cell -> cell.getText().equals("support 1002 → 1003")));
            browser.screenshot("agent-desktop-transferred-call");
        }
    }

    @Test
    void supervisorSeesTheWaitingCountRiseAndFall() {
        try (Browser browser = Browser.open(httpPort)) {
            browser.logIn("sven", PASSWORD);
            browser.waiting(Duration.ofSeconds(10)).until(Browser.ctiUp());

            simulator.run(new QueueCallAnswered(
                    new Caller("+4940777000", "Waiting Walter", "500"), "support", "1003", 4, 1, HangupBy.AGENT));

            By waiting = By.cssSelector("#queues tr[data-queue='support'] td.waiting");
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(waiting, "1"));
            browser.screenshot("wallboard");
            browser.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(waiting, "0"));
            // the day's chart: a bar per sample, and the service level line once the call is counted
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#charts figure[data-queue='support'] polyline.service-level-line")));
            assertThat(browser.driver()
                            .findElements(By.cssSelector("#charts figure[data-queue='support'] rect.waiting-bar")))
                    .isNotEmpty();
            browser.screenshot("wallboard-after-call");
        }
    }

    @Test
    void aRepeatCallersTicketShowsInThePopAndAnEscalationRaisesANotice() {
        DirectoryUser tess = directory
                .findByUsername("tess")
                .orElseGet(() -> user("tess", Role.AGENT, directory.team("Web Support"), "1006"));
        tiers.addMember(tiers.first().name(), tess.id());
        tiers.addMember("Tier 2", tess.id());
        Contact linus = contacts.create(new NewContact(
                "Linus Repeat",
                null,
                null,
                tess.id(),
                null,
                Visibility.TEAM,
                Set.of(),
                null,
                List.of(new NewPhone(PhoneType.WORK, "+49 30 5550200"))));
        Ticket ticket = tickets.open(
                new NewTicket("Kernel panics on boot", null, TicketPriority.HIGH, linus.id(), null, null, null),
                tess.viewer());
        try (Browser browser = Browser.open(httpPort)) {
            browser.logIn("tess", PASSWORD);
            browser.waiting(Duration.ofSeconds(10)).until(Browser.ctiUp());

            simulator.run(new QueueCallAnswered(
                    new Caller("+49305550200", "Linus Repeat", "500"), "support", "1006", 1, 3, HangupBy.AGENT));

            WebElement shown = browser.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                            "#pop .tickets li[data-ticket-id='" + ticket.id().value() + "']")));
            assertThat(shown.getText())
                    .contains("Kernel panics on boot", "new", "high", "Tier 1", "in the queue", "to first response")
                    .doesNotContain("{");
            browser.screenshot("agent-desktop-pop-ticket");

            // the agent escalates it from the pop, with a reason; as a Tier 2 member they get the notice
            shown.findElement(By.cssSelector(".escalate summary")).click();
            WebElement reason = shown.findElement(By.className("escalate-reason"));
            reason.sendKeys("needs a kernel engineer", Keys.ENTER);
            browser.waiting(Duration.ofSeconds(5))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("#pop .tickets li[data-ticket-id='"
                                    + ticket.id().value() + "'] .escalate-result"),
                            "Escalated to Tier 2."));
            assertThat(tickets.find(ticket.id(), tess.viewer()).orElseThrow().tier())
                    .isEqualTo("Tier 2");
            WebElement notice = browser.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                            "#notices .notice[data-ticket-id='" + ticket.id().value() + "']")));
            assertThat(notice.getText())
                    .contains("Kernel panics on boot", "from Tier 1 to Tier 2", "needs a kernel engineer");
            browser.screenshot("agent-desktop-escalation");
            // dismissed from the keyboard
            notice.findElement(By.tagName("button")).sendKeys(Keys.ENTER);
            browser.waiting(Duration.ofSeconds(5)).until(Browser.gone(notice));

            // the call ended: a ticket about it from the recent calls, by keyboard
            WebElement open = browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#calls button.open-ticket")));
            open.sendKeys(Keys.ENTER);
            WebElement subject = browser.driver().findElement(By.id("ticket-subject"));
            assertThat(browser.driver().switchTo().activeElement()).isEqualTo(subject);
            subject.sendKeys("Wants a refund", Keys.ENTER);
            browser.waiting(Duration.ofSeconds(5))
                    .until(ExpectedConditions.textMatches(
                            By.id("ticket-result"), Pattern.compile("Ticket #\\d+ opened")));
            assertThat(jdbc.queryForObject(
                            "select count(*) from tickets where subject = 'Wants a refund' and contact_id = ?",
                            Long.class,
                            linus.id().value()))
                    .isEqualTo(1);
        }
    }

    @Test
    void agentPreviewsALeadDialsItAndDisposesTheCampaignCallOnThePop() {
        DirectoryUser cara = directory
                .findByUsername("cara")
                .orElseGet(() -> user("cara", Role.AGENT, directory.team("Web Support"), "1007"));
        DirectoryUser manager =
                directory.findByUsername("pia").orElseGet(() -> user("pia", Role.CAMPAIGN_MANAGER, null, null));
        Campaign campaign = campaigns.create(
                CampaignSettings.defaults("Spring renewals", "renewals")
                        .withDialMode(DialMode.PREVIEW)
                        .withAgents(Set.of(cara.id()))
                        .withCallWindow(new CallWindow(List.of("MON-SUN 00:00-24:00"), List.of())),
                manager.viewer());
        campaigns.start(campaign.id(), manager.viewer());
        leadImports.importCsv(
                campaign.id(),
                "renewals.csv",
                new StringReader("number,name,tz,plan\n"
                        + "+49 30 5557 3001,Ada Lovelace,Europe/Berlin,Gold\n"
                        + "+49 30 5557 3002,Alan Turing,Europe/London,Silver\n"),
                LeadImportOptions.of(LeadColumns.of("number", "name").withTimezone("tz")),
                manager.viewer());

        try (Browser browser = Browser.open(httpPort)) {
            browser.logIn("cara", PASSWORD);
            browser.waiting(Duration.ofSeconds(10)).until(Browser.ctiUp());
            WebElement next = browser.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                            "#my-campaigns li[data-campaign-id='" + campaign.id() + "'] button.next-lead")));
            next.sendKeys(Keys.ENTER);

            WebElement lead = browser.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview .preview-lead")));
            String name = lead.findElement(By.className("lead-name")).getText();
            assertThat(name).isIn("Ada Lovelace", "Alan Turing");
            assertThat(lead.getText()).contains("Local time", "plan").containsAnyOf("Gold", "Silver");
            long attemptId = Long.parseLong(lead.getDomAttribute("data-attempt-id"));
            // the Dial button has the focus: the keyboard dials
            WebElement dial = lead.findElement(By.className("dial-lead"));
            assertThat(browser.driver().switchTo().activeElement()).isEqualTo(dial);
            dial.sendKeys(Keys.ENTER);
            browser.waiting(Duration.ofSeconds(5))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("#preview .dial-lead-result"), "Dialling…"));

            // the agent's phone rings first (no pop for one's own dial), then the lead's: once the lead answers, the
            // desktop shows the call card with the campaign section
            WebElement section = browser.waiting(Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("#pop .pop-card .campaign[data-attempt-id='" + attemptId + "']")));
            assertThat(section.getText()).contains(campaign.name(), name, "Local time", "plan");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#pop .caller"))
                            .getText())
                    .isEqualTo(name);

            // a callback asks when and for whom; a sale does not
            Select code = new Select(section.findElement(By.className("campaign-disposition-code")));
            WebElement callback = section.findElement(By.className("callback"));
            code.selectByVisibleText("Callback arranged");
            assertThat(callback.isDisplayed()).isTrue();
            assertThat(section.findElement(By.className("campaign-callback-personal"))
                            .isDisplayed())
                    .isTrue();
            code.selectByVisibleText("Sale");
            assertThat(callback.isDisplayed()).isFalse();
            browser.screenshot("agent-desktop-campaign");
            section.findElement(By.className("campaign-disposition-save")).click();
            browser.waiting(Duration.ofSeconds(5))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("#pop .campaign-disposition-result"), "Saved: Sale."));

            assertThat(jdbc.queryForObject(
                            "select disposition from lead_attempts where id = ?", String.class, attemptId))
                    .isEqualTo("SALE");
            assertThat(jdbc.queryForObject(
                            "select l.status from leads l join lead_attempts a on a.lead_id = l.id where a.id = ?",
                            String.class,
                            attemptId))
                    .isEqualTo("DONE");
            // the dialer followed the call by the tags on the originate: its outcome is on the attempt once it ends
            await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> jdbc.queryForObject(
                                    "select outcome from lead_attempts where id = ?", String.class, attemptId),
                            "HUMAN_ANSWERED"::equals);

            // the other lead next, and then none is due
            next.sendKeys(Keys.ENTER);
            // "Taking the next lead…" replaces the card while the request runs: wait for the next lead's card itself
            String otherName = browser.waiting(Duration.ofSeconds(10))
                    .until(driver -> driver.findElements(By.cssSelector("#preview .lead-name")).stream()
                            .map(WebElement::getText)
                            .filter(shown -> !shown.equals(name))
                            .findFirst()
                            .orElse(null));
            assertThat(otherName).isIn("Ada Lovelace", "Alan Turing");
            next.sendKeys(Keys.ENTER);
            browser.waiting(Duration.ofSeconds(5))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("#preview .no-lead"), "No lead is due now"));
        }
    }

    private DirectoryUser user(String username, Role role, TeamId team, String extension) {
        DirectoryUser user = directory.add(new NewUser(username, username, role, team, extension));
        directory.setPasswordHash(user.id(), encoder.encode(PASSWORD));
        return user;
    }
}
