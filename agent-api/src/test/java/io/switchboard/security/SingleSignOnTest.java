package io.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.UserAccount;
import io.switchboard.directory.UserAdministration;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
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
 * Single sign-on against a real OpenID Connect provider running in the test (mock-oauth2-server: discovery, keys,
 * authorization and token endpoints, signed ID tokens), through the browser's login flow in Chromium. The provider
 * logs in whoever the test enqueues, with the claims it enqueues. Local login is off here: the login page offers the
 * provider only (HTTP Basic for API clients stays).
 */
class SingleSignOnTest extends ApplicationOnPostgres {

    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    @DynamicPropertySource
    static void anOidcProvider(DynamicPropertyRegistry registry) {
        OidcProviderProperties.register(registry, PROVIDER);
        registry.add("switchboard.security.sso.role-claim", () -> "groups");
        registry.add("switchboard.security.sso.roles.switchboard-agents", () -> "AGENT");
        registry.add("switchboard.security.sso.roles.switchboard-supervisors", () -> "SUPERVISOR");
        registry.add("switchboard.security.sso.team-claim", () -> "department");
        registry.add("switchboard.security.sso.create-users", () -> true);
        registry.add("switchboard.security.sso.local-login", () -> false);
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
    void anExistingUserMatchedByUsernameGetsTheRoleAndTeamTheProviderSays() {
        if (directory.findByUsername("sso-ann").isEmpty()) {
            directory.add(new NewUser("sso-ann", "Ann", Role.AGENT, null, null));
        }
        signedOnAs(
                "sso-ann",
                Map.of(
                        "preferred_username", "sso-ann",
                        "name", "Ann Anders",
                        "groups", List.of("staff", "switchboard-supervisors"),
                        "department", "SSO Support"));
        try (Browser browser = Browser.open(port)) {
            browser.go("/wallboard");
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
            assertThat(browser.driver().findElements(By.id("password")))
                    .as("no password form")
                    .isEmpty();
            browser.driver().findElement(By.id("sso-corp")).click();
            browser.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/wallboard"));
            browser.screenshot("sso-wallboard");
            assertThat(browser.driver().getPageSource()).contains("SUPERVISOR");
        }
        UserAccount ann = users.get("sso-ann");
        assertThat(ann.user().role()).isEqualTo(Role.SUPERVISOR);
        assertThat(ann.teamName()).isEqualTo("SSO Support");
    }

    @Test
    void anUnknownUserWithAMappedGroupIsCreatedAtTheirFirstLogin() {
        String username = "sso-new-" + System.nanoTime();
        signedOnAs(
                username,
                Map.of(
                        "preferred_username",
                        username,
                        "email",
                        username + "@corp.example",
                        "name",
                        "Nell New",
                        "groups",
                        List.of("switchboard-agents")));
        try (Browser browser = Browser.open(port)) {
            browser.go("/login");
            browser.driver().findElement(By.id("sso-corp")).click();
            browser.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/agent"));
        }
        UserAccount created = users.get(username);
        assertThat(created.user().role()).isEqualTo(Role.AGENT);
        assertThat(created.user().displayName()).isEqualTo("Nell New");
        assertThat(created.email()).isEqualTo(username + "@corp.example");
    }

    @Test
    void aProviderUserWithoutAMappedRoleIsRefusedWithAReason() {
        signedOnAs("sso-stranger", Map.of("preferred_username", "sso-stranger", "groups", List.of("staff")));
        try (Browser browser = Browser.open(port)) {
            browser.go("/login");
            browser.driver().findElement(By.id("sso-corp")).click();
            String refusal = browser.waiting(Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")))
                    .getText();
            assertThat(refusal).contains("no Switchboard role");
        }
        assertThat(directory.findByUsername("sso-stranger")).isEmpty();
        // API clients still log in with HTTP Basic
        assertThat(call("GET", "/api/v1/contacts", TestUser.AGENT, null).statusCode())
                .isEqualTo(200);
    }

    private static void signedOnAs(String subject, Map<String, Object> claims) {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(
                "corp", subject, JOSEObjectType.JWT.getType(), List.of("switchboard"), claims, 3600));
    }
}
