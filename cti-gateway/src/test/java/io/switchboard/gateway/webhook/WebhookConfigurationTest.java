package io.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.CallEventBus;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WebhookConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(WebhookConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void isOffUnlessEnabled() {
        context.run(app -> assertThat(app).doesNotHaveBean(WebhookGateway.class));
    }

    @Test
    void listensWhileTheApplicationRunsAndStopsWithIt() {
        InetSocketAddress[] address = new InetSocketAddress[1];
        context.withPropertyValues(
                        "switchboard.webhook.enabled=true",
                        "switchboard.webhook.secret=" + WebhookFixture.SECRET,
                        "switchboard.webhook.port=0")
                .run(app -> {
                    assertThat(app).hasSingleBean(WebhookGateway.class).hasSingleBean(CallEventBus.class);
                    address[0] = app.getBean(WebhookGateway.class).address().orElseThrow();
                    WebhookClient client = new WebhookClient(address[0], WebhookFixture.SECRET);
                    assertThat(client.post(new CallScript("c-1").inbound("+4930123456", "500", null))
                                    .statusCode())
                            .isEqualTo(202);
                    assertThat(app.getBean(WebhookHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .isEqualTo(Status.UP);
                });

        try (Socket socket = new Socket()) {
            socket.connect(address[0], 1000);
            throw new AssertionError("still listening after the application stopped");
        } catch (ConnectException expected) {
            // closed with the context
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPortInUseFailsStartupSayingWhichAndLeavesNoThreads() throws java.io.IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            context.withPropertyValues(
                            "switchboard.webhook.enabled=true",
                            "switchboard.webhook.secret=" + WebhookFixture.SECRET,
                            "switchboard.webhook.host=127.0.0.1",
                            "switchboard.webhook.port=" + taken.getLocalPort())
                    .run(app -> assertThat(app)
                            .hasFailed()
                            .getFailure()
                            .hasStackTraceContaining(
                                    "The PBX webhook cannot listen on 127.0.0.1:" + taken.getLocalPort()));
        }
        // its threads' shut-down has completed when startup failed; a thread may still be leaving its last frame
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .map(Thread::getName)
                        .noneMatch(name -> name.startsWith("webhook-accept") || name.startsWith("webhook-io")));
    }

    @Test
    void bindsItsSettingsWithDefaults() {
        context.withPropertyValues(
                        "switchboard.webhook.enabled=true",
                        "switchboard.webhook.secret=" + WebhookFixture.SECRET,
                        "switchboard.webhook.port=0",
                        "switchboard.webhook.dedup-window=1h",
                        "switchboard.webhook.pbx-name=freeswitch-1")
                .run(app -> {
                    WebhookProperties properties = app.getBean(WebhookProperties.class);
                    assertThat(properties.host()).isEqualTo("127.0.0.1");
                    assertThat(properties.dedupWindow()).isEqualTo(Duration.ofHours(1));
                    assertThat(properties.signatureTolerance()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(properties.maxBodyBytes()).isEqualTo(65_536);
                    assertThat(properties.pbxName()).isEqualTo("freeswitch-1");
                    assertThat(properties.toString()).doesNotContain(WebhookFixture.SECRET);
                });
    }

    @Test
    void refusesToStartWithoutALongEnoughSecret() {
        context.withPropertyValues("switchboard.webhook.enabled=true")
                .run(app -> assertThat(app)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("switchboard.webhook.secret must be set"));
        context.withPropertyValues("switchboard.webhook.enabled=true", "switchboard.webhook.secret=short")
                .run(app ->
                        assertThat(app).hasFailed().getFailure().rootCause().hasMessageContaining("at least 32 bytes"));
    }
}
