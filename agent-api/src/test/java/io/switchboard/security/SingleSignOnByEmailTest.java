package io.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import io.switchboard.directory.Role;
import io.switchboard.directory.UserAdministration;
import io.switchboard.directory.UserForm;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on matched by the e-mail claim ({@code switchboard.security.sso.match-by=EMAIL}), end to end: a real
 * OpenID Connect provider in the test (mock-oauth2-server) and the browser's login flow in Chromium. The provider's
 * username differs from Switchboard's on purpose, and just-in-time creation is on, so a match that failed would
 * show as a new user rather than pass unnoticed.
 */
class SingleSignOnByEmailTest extends ApplicationOnPostgres {

    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    @DynamicPropertySource
    static void anOidcProviderMatchedByEmail(DynamicPropertyRegistry registry) {
        OidcProviderProperties.register(registry, PROVIDER);
        registry.add("switchboard.security.sso.match-by", () -> "EMAIL");
        registry.add("switchboard.security.sso.role-claim", () -> "groups");
        registry.add("switchboard.security.sso.roles.switchboard-agents", () -> "AGENT");
        registry.add("switchboard.security.sso.create-users", () -> true);
    }

    @AfterAll
    static void stopTheProvider() {
        PROVIDER.shutdown();
    }

    @Autowired
    UserAdministration users;

    @BeforeEach
    void chromium() {
        Browser.assumeInstalled();
    }

    @Test
    void aUserIsMatchedByTheirEmailWhateverUsernameTheProviderGivesAndWhateverItsCase() {
        String username = "sso-erin-" + System.nanoTime();
        String email = username + "@Corp.example";
        users.create(new UserForm(username, "Erin Weber", Role.AGENT, null, null, email, true), null);
        String providerName = "e.weber." + System.nanoTime();
        signedOnAs(
                providerName,
                Map.of(
                        "preferred_username",
                        providerName,
                        "email",
                        email.toLowerCase(java.util.Locale.ROOT),
                        "name",
                        "E. Weber (provider)",
                        "groups",
                        List.of("switchboard-agents")));

        try (Browser browser = Browser.open(port)) {
            logInThroughTheProvider(browser);
            browser.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/agent"));
            assertThat(browser.driver().findElement(By.tagName("body")).getDomAttribute("data-username"))
                    .isEqualTo(username);
        }
        assertThat(directory.findByUsername(providerName))
                .as("no second user made from the provider's username")
                .isEmpty();
    }

    @Test
    void anEmailTwoUsersShareIsRefusedWithTheReason() {
        String shared = "shared-" + System.nanoTime() + "@corp.example";
        users.create(new UserForm("sso-twin-a-" + System.nanoTime(), null, Role.AGENT, null, null, shared, true), null);
        users.create(new UserForm("sso-twin-b-" + System.nanoTime(), null, Role.AGENT, null, null, shared, true), null);
        signedOnAs(
                "twin", Map.of("preferred_username", "twin", "email", shared, "groups", List.of("switchboard-agents")));

        try (Browser browser = Browser.open(port)) {
            logInThroughTheProvider(browser);
            assertThat(refusal(browser)).contains("More than one Switchboard user has your e-mail address");
        }
        assertThat(directory.findByUsername("twin")).isEmpty();
    }

    @Test
    void aProviderThatSaysNoEmailIsRefusedWithTheReason() {
        signedOnAs("no-mail", Map.of("preferred_username", "sso-no-mail", "groups", List.of("switchboard-agents")));

        try (Browser browser = Browser.open(port)) {
            logInThroughTheProvider(browser);
            assertThat(refusal(browser)).contains("did not say your e-mail address");
        }
        assertThat(directory.findByUsername("sso-no-mail")).isEmpty();
    }

    private static void logInThroughTheProvider(Browser browser) {
        browser.go("/login");
        browser.driver().findElement(By.id("sso-corp")).click();
    }

    private static String refusal(Browser browser) {
        return browser.waiting(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")))
                .getText();
    }

    private static void signedOnAs(String subject, Map<String, Object> claims) {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(
                "corp", subject, JOSEObjectType.JWT.getType(), List.of("switchboard"), claims, 3600));
    }
}
