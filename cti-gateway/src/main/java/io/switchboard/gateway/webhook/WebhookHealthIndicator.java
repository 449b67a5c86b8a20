package io.switchboard.gateway.webhook;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code /actuator/health} shows the PBX webhook: UP while it listens, with its calls and backlog. */
final class WebhookHealthIndicator implements HealthIndicator {

    private final WebhookGateway gateway;
    private final WebhookProperties properties;

    WebhookHealthIndicator(WebhookGateway gateway, WebhookProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health.Builder health = gateway.address().isPresent() ? Health.up() : Health.down();
        return health.withDetail("pbx", properties.pbxName())
                .withDetail(
                        "listening",
                        gateway.address()
                                .map(a -> properties.host() + ":" + a.getPort() + RequestRouter.EVENTS_PATH)
                                .orElse("no"))
                .withDetail("activeCalls", gateway.activeCalls())
                .withDetail("queuedEvents", gateway.queuedEvents())
                .withDetail("processedEvents", gateway.processedEvents())
                .build();
    }
}
