package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.simulator.SimulatorSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class AmiLinkTest {

    @Test
    void wrongSecretKeepsTheLinkDownWithTheReasonInTheHealthCheck() {
        try (GatewayFixture fixture = GatewayFixture.startWithSecret(SimulatorSettings.defaults(), "wrong")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> fixture.gateway.linkStatus().lastError() != null);

            Health health = new AmiLinkHealthIndicator(fixture.gateway).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("lastError").toString()).contains("Authentication failed");
            assertThat(fixture.gateway.linkStatus().connects()).isZero();
        }
    }

    @Test
    void healthIsUpWhileLoggedInAndDownAfterThePbxGoesAway() {
        GatewayFixture fixture = GatewayFixture.start(SimulatorSettings.defaults());
        try {
            AmiLinkHealthIndicator indicator = new AmiLinkHealthIndicator(fixture.gateway);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThat(indicator.health().getDetails()).containsEntry("connects", 1L);

            fixture.simulator.close();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> indicator.health().getStatus().equals(Status.DOWN));
        } finally {
            fixture.close();
        }
    }

    @Test
    void backoffGrowsExponentiallyUpToTheCapWithJitter() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        assertThat(backoff.forAttempt(0).toMillis()).isBetween(87L, 113L);
        assertThat(backoff.forAttempt(3).toMillis()).isBetween(700L, 900L);
        assertThat(backoff.forAttempt(30).toMillis()).isBetween(4375L, 5625L);
    }
}
