package io.switchboard.gateway.ami;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code /actuator/health} shows the PBX link: UP while logged in, DOWN (with the last error) otherwise. */
public final class AmiLinkHealthIndicator implements HealthIndicator {

    private final AmiGateway gateway;
    private final AmiProperties properties;

    public AmiLinkHealthIndicator(AmiGateway gateway, AmiProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    @Override
    public Health health() {
        LinkStatus status = gateway.linkStatus();
        Health.Builder health = status.state() == LinkStatus.State.UP ? Health.up() : Health.down();
        health.withDetail("pbx", properties.host() + ":" + properties.port())
                .withDetail("state", status.state().name())
                .withDetail("since", status.since().toString())
                .withDetail("connects", status.connects())
                .withDetail("activeCalls", gateway.activeCalls())
                .withDetail("droppedEvents", gateway.droppedEvents());
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError());
        }
        return health.build();
    }
}
