package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.testing.Browser;
import io.switchboard.testing.PageTestApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A desktop on another machine: the application listens on a second loopback address (127.0.0.2, standing in for
 * the server's network address) with its default edge settings (no allowed origins configured), and Chromium opens
 * the agent page by a host name mapped to that address inside the browser only. The desktop must connect and pop.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DesktopOnAnotherMachineInChromiumTest {

    private static final String ADDRESS = "127.0.0.2";
    private static final String NAME = "desk.switchboard.test";
    private static final String PASSWORD = "correct-horse";
    private static int httpPort;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) throws IOException {
        httpPort = PageTestApplication.freePort();
        PageTestApplication.register(registry, httpPort, PageTestApplication::sharedDatabase, 1);
        registry.add("server.address", () -> ADDRESS);
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
    CtiEdge edge;

    @BeforeEach
    void anAgentAndACustomer() {
        if (directory.findByUsername("remy").isEmpty()) {
            DirectoryUser remy = directory.add(
                    new NewUser("remy", "Remy Remote", Role.AGENT, directory.team("Remote Support"), "1011"));
            directory.setPasswordHash(remy.id(), encoder.encode(PASSWORD));
            contacts.create(new NewContact(
                    "Ada Lovelace",
                    "Analytical Engines",
                    "ada@example.org",
                    null,
                    null,
                    Visibility.COMPANY,
                    Set.of(),
                    null,
                    List.of(new NewPhone(PhoneType.WORK, "+49 30 5550111"))));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.linkStatus().state() == LinkStatus.State.UP);
    }

    @Test
    void desktopOpenedByANameOfTheServersAddressConnectsAndPops() {
        Browser.assumeInstalled();
        try (Browser browser =
                Browser.open("http://" + NAME + ":" + httpPort, "--host-resolver-rules=MAP " + NAME + " " + ADDRESS)) {
            browser.logIn("remy", PASSWORD);
            browser.go("/agent");
            browser.waiting(Duration.ofSeconds(15)).until(Browser.ctiUp());

            simulator.run(new QueueCallAnswered(
                    new Caller("+49305550111", "Ada Lovelace", "500"), "support", "1011", 3, 2, HangupBy.AGENT));

            WebElement pop = browser.waiting(Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pop .pop-card")));
            assertThat(pop.findElement(By.className("caller")).getText()).isEqualTo("Ada Lovelace");
            assertThat(browser.driver().getCurrentUrl()).startsWith("http://" + NAME + ":" + httpPort + "/");
            browser.screenshot("agent-desktop-by-name");
        }
    }

    /**
     * Every other page by the server's name: the contacts page searches and a card saves an edit (a change, so the
     * session cookie and the CSRF token must work on that host), the ticket workbench and the wallboard connect to
     * the CTI edge, and no page loads anything from, or names, another host than the one it came from.
     */
    @Test
    void everyPageWorksByTheServersNameAndLoadsNothingFromElsewhere() {
        Browser.assumeInstalled();
        if (directory.findByUsername("sasha").isEmpty()) {
            DirectoryUser sasha = directory.add(
                    new NewUser("sasha", "Sasha Supervisor", Role.SUPERVISOR, directory.team("Remote Support"), null));
            directory.setPasswordHash(sasha.id(), encoder.encode(PASSWORD));
        }
        String origin = "http://" + NAME + ":" + httpPort;
        try (Browser browser = Browser.open(origin, "--host-resolver-rules=MAP " + NAME + " " + ADDRESS)) {
            browser.logIn("sasha", PASSWORD);
            browser.waiting(Duration.ofSeconds(15))
                    .until(driver -> driver.getCurrentUrl().startsWith(origin + "/wallboard"));
            waitForEdge(browser);
            assertLoadedOnlyFrom(browser, origin);

            browser.go("/contacts");
            browser.driver().findElement(By.id("search")).sendKeys("lovelace");
            By found = By.cssSelector("#contact-list tr[data-contact-id] a");
            // the list is drawn again for each letter typed: wait for the last drawing, click in it
            browser.waiting(Duration.ofSeconds(15))
                    .until(driver ->
                            "Ada Lovelace".equals(driver.findElement(found).getText()));
            assertLoadedOnlyFrom(browser, origin);
            browser.waiting(Duration.ofSeconds(15)).until(driver -> {
                driver.findElement(found).click();
                return true;
            });
            WebElement notes = browser.waiting(Duration.ofSeconds(15))
                    .until(ExpectedConditions.elementToBeClickable(By.id("contact-notes")));
            notes.sendKeys(" Called from the branch office.");
            browser.driver().findElement(By.id("contact-save")).click();
            browser.waiting(Duration.ofSeconds(15))
                    .until(ExpectedConditions.textToBe(By.id("contact-status"), "Saved."));
            assertLoadedOnlyFrom(browser, origin);

            browser.go("/tickets");
            waitForEdge(browser);
            browser.waiting(Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-list")));
            assertLoadedOnlyFrom(browser, origin);
            browser.screenshot("tickets-by-name");
        }
    }

    private static void waitForEdge(Browser browser) {
        browser.waiting(Duration.ofSeconds(15)).until(Browser.ctiUp());
    }

    /** Every request the page made went to its own origin and succeeded; its HTML names no loopback host. */
    private static void assertLoadedOnlyFrom(Browser browser, String origin) {
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return performance.getEntriesByType('navigation')"
                        + ".concat(performance.getEntriesByType('resource'))"
                        + ".map(entry => entry.name + ' ' + (entry.responseStatus || 0));");
        assertThat(loaded).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry).startsWith(origin + "/");
            assertThat(Integer.parseInt(entry.substring(entry.lastIndexOf(' ') + 1)))
                    .isLessThan(400);
        });
        assertThat(browser.driver().getPageSource()).doesNotContain("localhost").doesNotContain("127.0.0.");
    }

    @Test
    void tokenAnswerNamesTheEdgeOnThePagesHostAndIgnoresForwardedHeadersByDefault() {
        HttpResponse<String> grant = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/cti/token"))
                .header("Authorization", basic())
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(grant.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(grant.body());
        assertThat(body.path("url").asString()).isEqualTo("ws://" + ADDRESS + ":" + edge.port() + "/cti");
    }

    @Test
    void socketFromAForeignOriginIsRefusedWith403() {
        String token = JsonMapper.builder()
                .build()
                .readTree(send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/cti/token"))
                                .header("Authorization", basic())
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .body())
                .path("token")
                .asString();

        assertThatThrownBy(() -> HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .header("Origin", "http://evil.example:" + httpPort)
                        .buildAsync(
                                URI.create("ws://" + ADDRESS + ":" + edge.port() + "/cti?token=" + token),
                                new WebSocket.Listener() {})
                        .orTimeout(5, TimeUnit.SECONDS)
                        .join())
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void theEdgeListensWhereThePagesListen() {
        assertThat(reachable(ADDRESS, edge.port())).isTrue();
        assertThat(reachable("127.0.0.1", edge.port())).isFalse();
    }

    private static boolean reachable(String address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(address), port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String base() {
        return "http://" + ADDRESS + ":" + httpPort;
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("remy:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
