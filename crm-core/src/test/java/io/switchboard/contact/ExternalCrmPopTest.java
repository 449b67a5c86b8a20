package io.switchboard.contact;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.switchboard.contact.external.ExternalContact;
import io.switchboard.contact.external.ExternalStatus;
import io.switchboard.contact.external.UnavailableReason;
import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.Database;
import io.switchboard.testing.FakeCrm;
import io.switchboard.testing.PostgresTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Screen pops with the external CRM switched on, served by WireMock on 127.0.0.1. */
@PostgresTest
class ExternalCrmPopTest {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    static final WireMockServer crm = FakeCrm.start();

    @DynamicPropertySource
    static void externalCrm(DynamicPropertyRegistry registry) {
        registry.add("switchboard.crm.external.enabled", () -> "true");
        registry.add("switchboard.crm.external.url-template", () -> FakeCrm.url(crm, "/lookup?phone={e164}"));
        registry.add("switchboard.crm.external.read-timeout", () -> READ_TIMEOUT.toMillis() + "ms");
        registry.add("switchboard.crm.external.connect-timeout", () -> "200ms");
        // Every pop asks again, and no test's failures open the breaker for the next.
        registry.add("switchboard.crm.external.cache.ttl", () -> "0s");
        registry.add("switchboard.crm.external.circuit-breaker.sliding-window-size", () -> "100");
    }

    @Autowired
    CallerContexts contexts;

    @Autowired
    Contacts contacts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    Viewer agent;
    ContactId ada;

    @AfterAll
    static void stopCrm() {
        crm.stop();
    }

    @BeforeEach
    void oneLocalContact() {
        crm.resetAll();
        Database.clear(jdbc);
        agent = directory
                .add(new NewUser("anna", "Anna", Role.AGENT, directory.team("Support"), "1001"))
                .viewer();
        ada = contacts.create(new NewContact(
                        "Ada Lovelace",
                        "Analytical Engines",
                        "ada@example.org",
                        null,
                        null,
                        Visibility.COMPANY,
                        Set.of(),
                        null,
                        List.of(new NewPhone(PhoneType.WORK, "+49 30 1234567"))))
                .id();
    }

    @Test
    void externalRecordsOfTheLocalContactAreAttachedToItAndOthersListedApart() {
        crm.stubFor(get(urlPathEqualTo("/lookup")).willReturn(okJson("""
                        [{"id": "e-1", "name": "Ada Lovelace", "phone": "030 1234567", "url": "https://crm/e-1"},
                         {"id": "e-2", "name": "A. Lovelace (billing)", "email": "ADA@example.org"},
                         {"id": "e-3", "name": "Front desk, Engines Ltd", "phone": "+49 30 1234500"}]
                        """)));

        CallerContext pop = contexts.contextFor("+49301234567", agent);

        assertThat(pop.contacts()).extracting(Contact::id).containsExactly(ada);
        assertThat(pop.external().status()).isEqualTo(ExternalStatus.FOUND);
        assertThat(pop.external().attached())
                .extracting(
                        attached -> attached.contact(),
                        attached -> attached.record().externalId())
                .containsExactly(tuple(ada, "e-1"), tuple(ada, "e-2"));
        assertThat(pop.external().externalOnly())
                .extracting(ExternalContact::externalId)
                .containsExactly("e-3");
    }

    @Test
    void callerUnknownLocallyIsShownFromTheExternalCrm() {
        crm.stubFor(get(urlPathEqualTo("/lookup"))
                .willReturn(okJson("[{\"id\": \"e-9\", \"name\": \"Grace Hopper\", \"phone\": \"+1 202 555 0143\"}]")));

        CallerContext pop = contexts.contextFor("+12025550143", agent);

        assertThat(pop.match().reason()).isEqualTo(NoMatchReason.NOT_FOUND);
        assertThat(pop.external().externalOnly())
                .singleElement()
                .extracting(ExternalContact::name)
                .isEqualTo("Grace Hopper");
    }

    @Test
    void slowExternalCrmDoesNotMakeThePopLate() {
        crm.stubFor(get(urlPathEqualTo("/lookup")).willReturn(okJson("[]")));
        contexts.contextFor("+49301234567", agent); // warms up the local lookup's code paths
        crm.stubFor(get(urlPathEqualTo("/lookup")).willReturn(okJson("[]").withFixedDelay(3_000)));

        long started = System.nanoTime();
        CallerContext pop = contexts.contextFor("+49301234567", agent);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(pop.contacts()).extracting(Contact::id).containsExactly(ada);
        assertThat(pop.external().status()).isEqualTo(ExternalStatus.UNAVAILABLE);
        assertThat(pop.external().reason()).isEqualTo(UnavailableReason.TIMEOUT);
        assertThat(took).isLessThan(READ_TIMEOUT.plusMillis(500));
    }

    @Test
    void malformedExternalAnswerLeavesTheLocalPopIntact() {
        crm.stubFor(get(urlPathEqualTo("/lookup")).willReturn(ok("<html>Service temporarily moved</html>")));

        CallerContext pop = contexts.contextFor("+49301234567", agent);

        assertThat(pop.contacts()).extracting(Contact::id).containsExactly(ada);
        assertThat(pop.external().status()).isEqualTo(ExternalStatus.UNAVAILABLE);
        assertThat(pop.external().reason()).isEqualTo(UnavailableReason.MALFORMED_RESPONSE);
    }

    @Test
    void withheldMissingAndInternalCallersAreNotAskedAbout() {
        for (String caller : List.of("anonymous", "", "1001")) {
            assertThat(contexts.contextFor(caller, agent).external().status())
                    .as(caller)
                    .isEqualTo(ExternalStatus.NOT_LOOKED_UP);
        }
        crm.verify(0, anyRequestedFor(anyUrl()));
    }
}
