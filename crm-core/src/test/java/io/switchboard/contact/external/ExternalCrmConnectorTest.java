package io.switchboard.contact.external;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.testing.FakeCrm;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The connector against a real HTTP server on 127.0.0.1 (WireMock), without Spring. */
class ExternalCrmConnectorTest {

    static final ExternalQuery ADA = new ExternalQuery("030 1234567", "+49301234567", "0301234567");
    static final ExternalQuery CHARLES = new ExternalQuery("030 7654321", "+49307654321", "0307654321");
    static final String TOKEN = "Bearer s3cret-token";
    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    static final Duration WAIT_IN_OPEN_STATE = Duration.ofMillis(300);

    static WireMockServer crm;

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    DeadlineExternalCrm connector;
    ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void startCrm() {
        crm = FakeCrm.start();
    }

    @AfterAll
    static void stopCrm() {
        crm.stop();
    }

    @BeforeEach
    void captureWarnings() {
        crm.resetAll();
        logged.start();
        ((Logger) LoggerFactory.getLogger(GuardedLookup.class)).addAppender(logged);
    }

    @AfterEach
    void closeConnector() {
        ((Logger) LoggerFactory.getLogger(GuardedLookup.class)).detachAppender(logged);
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void foundRecordsAreMappedFromTheConfiguredFields() {
        crm.stubFor(get(urlPathEqualTo("/api/lookup")).willReturn(okJson("""
                        {"data": {"customers": [
                          {"id": 4711, "fullName": "Ada Lovelace", "org": {"name": "Analytical Engines"},
                           "mail": "ada@example.org", "tel": "+49 30 1234567", "link": "https://crm.example.com/c/4711"},
                          {"id": "c-2", "fullName": "Ada King", "tel": null}
                        ]}}
                        """)));
        connector = connect(new ExternalCrmProperties.Mapping(
                "data.customers", "id", "fullName", "/org/name", "mail", "tel", "link"));

        ExternalLookup lookup = connector.lookup(ADA).join();

        assertThat(lookup.status()).isEqualTo(ExternalStatus.FOUND);
        assertThat(lookup.contacts())
                .containsExactly(
                        new ExternalContact(
                                "test-crm",
                                "4711",
                                "Ada Lovelace",
                                "Analytical Engines",
                                "ada@example.org",
                                "+49 30 1234567",
                                "https://crm.example.com/c/4711"),
                        new ExternalContact("test-crm", "c-2", "Ada King", null, null, null, null));
        crm.verify(getRequestedFor(urlPathEqualTo("/api/lookup"))
                .withQueryParam("phone", equalTo("+49301234567"))
                .withQueryParam("national", equalTo("0301234567"))
                .withHeader("Authorization", equalTo(TOKEN)));
        assertThat(timerCount("found")).isEqualTo(1);
    }

    @Test
    void notFoundIsA404OrAnEmptyAnswer() {
        crm.stubFor(get(urlPathEqualTo("/api/lookup"))
                .withQueryParam("phone", equalTo(ADA.e164()))
                .willReturn(notFound()));
        crm.stubFor(get(urlPathEqualTo("/api/lookup"))
                .withQueryParam("phone", equalTo(CHARLES.e164()))
                .willReturn(okJson("[]")));
        connector = connect(defaultMapping());

        assertThat(connector.lookup(ADA).join()).isEqualTo(ExternalLookup.answered(List.of()));
        assertThat(connector.lookup(CHARLES).join().status()).isEqualTo(ExternalStatus.NOT_FOUND);
        assertThat(timerCount("not_found")).isEqualTo(2);
    }

    @Test
    void slowCrmIsUnavailableByTheReadTimeout() {
        crm.stubFor(get(urlPathEqualTo("/api/lookup")).willReturn(okJson("[]").withFixedDelay(3_000)));
        connector = connect(defaultMapping());

        long started = System.nanoTime();
        ExternalLookup lookup = connector.lookup(ADA).join();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(lookup).isEqualTo(ExternalLookup.unavailable(UnavailableReason.TIMEOUT));
        assertThat(took).isLessThan(READ_TIMEOUT.plusMillis(500));
    }

    @Test
    void serverErrorsOpenTheCircuitAndAProbeClosesItAfterTheWait() throws InterruptedException {
        crm.stubFor(get(urlPathEqualTo("/api/lookup")).willReturn(serverError()));
        connector = connect(defaultMapping());

        for (int i = 0; i < 4; i++) {
            assertThat(connector.lookup(ADA).join())
                    .isEqualTo(ExternalLookup.unavailable(UnavailableReason.HTTP_STATUS));
        }
        assertThat(connector.lookup(ADA).join()).isEqualTo(ExternalLookup.unavailable(UnavailableReason.CIRCUIT_OPEN));
        crm.verify(4, getRequestedFor(urlPathEqualTo("/api/lookup")));
        assertThat(breakerState("open")).isEqualTo(1.0);

        crm.stubFor(get(urlPathEqualTo("/api/lookup")).willReturn(okJson("[{\"id\": \"1\", \"name\": \"Ada\"}]")));
        Thread.sleep(WAIT_IN_OPEN_STATE.plusMillis(100).toMillis());

        assertThat(connector.lookup(ADA).join().status()).isEqualTo(ExternalStatus.FOUND);
        crm.verify(5, getRequestedFor(urlPathEqualTo("/api/lookup")));
        assertThat(breakerState("closed")).isEqualTo(1.0);
    }

    @Test
    void malformedAnswerIsUnavailableWithOneClearWarningAndNoStackTrace() {
        crm.stubFor(get(urlPathEqualTo("/api/lookup")).willReturn(okJson("{\"customers\": [{\"id\": 1,")));
        connector = connect(defaultMapping());

        ExternalLookup lookup = connector.lookup(ADA).join();

        assertThat(lookup).isEqualTo(ExternalLookup.unavailable(UnavailableReason.MALFORMED_RESPONSE));
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .contains(FakeCrm.url(crm, "/api/lookup?..."))
                    .contains("MALFORMED_RESPONSE")
                    .contains("not JSON")
                    .doesNotContain("s3cret")
                    .doesNotContain("1234567");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void answerOfTheWrongShapeSaysWhereTheRecordsWereExpected() {
        crm.stubFor(get(urlPathEqualTo("/api/lookup")).willReturn(okJson("{\"customers\": []}")));
        connector = connect(new ExternalCrmProperties.Mapping("data.customers", "id", "name", null, null, null, null));

        assertThat(connector.lookup(ADA).join().reason()).isEqualTo(UnavailableReason.MALFORMED_RESPONSE);
        assertThat(logged.list)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .contains("nothing at 'data.customers'");
    }

    @Test
    void repeatLookupWithinTheTtlIsAnsweredFromTheCacheButFailuresAreNotCached() {
        crm.stubFor(get(urlPathEqualTo("/api/lookup"))
                .withQueryParam("phone", equalTo(ADA.e164()))
                .willReturn(okJson("[{\"id\": \"1\", \"name\": \"Ada\"}]")));
        crm.stubFor(get(urlPathEqualTo("/api/lookup"))
                .withQueryParam("phone", equalTo(CHARLES.e164()))
                .willReturn(aResponse().withStatus(503)));
        connector = connect(defaultMapping());

        ExternalLookup first = connector.lookup(ADA).join();
        ExternalLookup second = connector.lookup(ADA).join();
        connector.lookup(CHARLES).join();
        connector.lookup(CHARLES).join();

        assertThat(second).isEqualTo(first);
        crm.verify(1, getRequestedFor(urlPathEqualTo("/api/lookup")).withQueryParam("phone", equalTo(ADA.e164())));
        crm.verify(2, getRequestedFor(urlPathEqualTo("/api/lookup")).withQueryParam("phone", equalTo(CHARLES.e164())));
        assertThat(meters.counter("switchboard.crm.external.cache.hits").count())
                .isEqualTo(1);
    }

    @Test
    void unreachableCrmIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        connector = ExternalCrmConfiguration.connector(
                properties("http://127.0.0.1:" + closedPort + "/api/lookup?phone={e164}", defaultMapping()), meters);

        assertThat(connector.lookup(ADA).join())
                .isEqualTo(ExternalLookup.unavailable(UnavailableReason.CONNECTION_FAILED));
    }

    private DeadlineExternalCrm connect(ExternalCrmProperties.Mapping mapping) {
        return ExternalCrmConfiguration.connector(
                properties(FakeCrm.url(crm, "/api/lookup?phone={e164}&national={national}"), mapping), meters);
    }

    private static ExternalCrmProperties properties(String urlTemplate, ExternalCrmProperties.Mapping mapping) {
        return new ExternalCrmProperties(
                true,
                "test-crm",
                urlTemplate,
                "Authorization",
                TOKEN,
                Duration.ofMillis(200),
                READ_TIMEOUT,
                20,
                2,
                mapping,
                new ExternalCrmProperties.Cache(Duration.ofSeconds(60), 100),
                new ExternalCrmProperties.Breaker(50, 4, WAIT_IN_OPEN_STATE, 1));
    }

    private static ExternalCrmProperties.Mapping defaultMapping() {
        return new ExternalCrmProperties.Mapping(null, "id", "name", "company", "email", "phone", "url");
    }

    private long timerCount(String outcome) {
        return meters.get("switchboard.crm.external.lookups")
                .tag("outcome", outcome)
                .timer()
                .count();
    }

    private double breakerState(String state) {
        return meters.get("resilience4j.circuitbreaker.state")
                .tag("name", "test-crm")
                .tag("state", state)
                .gauge()
                .value();
    }
}
