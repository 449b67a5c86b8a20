package io.switchboard.contact.external;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.testing.FakeCrm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** How the connector is switched on and bound from {@code switchboard.crm.external.*}. */
class ExternalCrmConfigurationTest {

    static WireMockServer crm;

    ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ExternalCrmConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @BeforeAll
    static void startCrm() {
        crm = FakeCrm.start();
    }

    @AfterAll
    static void stopCrm() {
        crm.stop();
    }

    @BeforeEach
    void reset() {
        crm.resetAll();
    }

    @Test
    void disabledByDefaultThereIsNoConnectorAndNoRequest() {
        context.withPropertyValues("switchboard.crm.external.url-template=" + FakeCrm.url(crm, "/lookup?phone={e164}"))
                .run(app -> {
                    assertThat(app).hasNotFailed().doesNotHaveBean(ExternalCrm.class);
                    assertThat(app.getBean(ExternalCrmProperties.class).enabled())
                            .isFalse();
                });

        assertThat(crm.getAllServeEvents()).isEmpty();
    }

    @Test
    void enabledConnectorIsBoundFromTheProperties() {
        crm.stubFor(get(urlPathEqualTo("/lookup"))
                .willReturn(okJson("{\"results\": [{\"id\": 7, \"fullName\": \"Ada Lovelace\"}]}")));

        context.withPropertyValues(
                        "switchboard.crm.external.enabled=true",
                        "switchboard.crm.external.source=legacy-crm",
                        "switchboard.crm.external.url-template=" + FakeCrm.url(crm, "/lookup?phone={e164}"),
                        "switchboard.crm.external.auth-header=X-Api-Key",
                        "switchboard.crm.external.auth-value=k3y",
                        "switchboard.crm.external.read-timeout=5s",
                        "switchboard.crm.external.mapping.records=results",
                        "switchboard.crm.external.mapping.name=/fullName",
                        "switchboard.crm.external.cache.ttl=5s",
                        "switchboard.crm.external.circuit-breaker.sliding-window-size=5")
                .run(app -> {
                    ExternalCrmProperties properties = app.getBean(ExternalCrmProperties.class);
                    assertThat(properties.mapping().id()).isEqualTo("id");
                    assertThat(properties.circuitBreaker().halfOpenCalls()).isEqualTo(3);
                    assertThat(properties).asString().doesNotContain("k3y");

                    ExternalLookup lookup = app.getBean(ExternalCrm.class)
                            .lookup(new ExternalQuery("030 1234567", "+49301234567", "0301234567"))
                            .join();

                    assertThat(lookup.contacts())
                            .containsExactly(
                                    new ExternalContact("legacy-crm", "7", "Ada Lovelace", null, null, null, null));
                    assertThat(app.getBean(MeterRegistry.class)
                                    .get("resilience4j.circuitbreaker.state")
                                    .tag("name", "legacy-crm")
                                    .tag("state", "closed")
                                    .gauge()
                                    .value())
                            .isEqualTo(1.0);
                });

        crm.verify(getRequestedFor(urlPathEqualTo("/lookup")).withHeader("X-Api-Key", equalTo("k3y")));
    }

    @Test
    void unknownPlaceholderFailsAtStartupNamingTheProperty() {
        context.withPropertyValues(
                        "switchboard.crm.external.enabled=true",
                        "switchboard.crm.external.url-template=https://crm.example.com/lookup?phone={msisdn}")
                .run(app -> assertThat(app)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "switchboard.crm.external.url-template has an unknown placeholder {msisdn}"));
    }

    @Test
    void enabledWithoutAUrlTemplateFailsAtStartupSayingWhy() {
        context.withPropertyValues("switchboard.crm.external.enabled=true")
                .run(app -> assertThat(app)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("switchboard.crm.external.url-template is required"));
    }
}
