package io.switchboard.gateway.ami;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} shows the PBX links: UP while every link this node owns is logged in (a link another node
 * owns is that node's to report; here it shows as STANDBY), DOWN with the last error otherwise. With one link its
 * details are at the top, as before; with several, under {@code links} by PBX id, with {@code linksOwned}.
 */
public final class AmiLinkHealthIndicator implements HealthIndicator {

    private final List<AmiGateway> gateways;

    public AmiLinkHealthIndicator(PbxLinks links) {
        this.gateways = links.all();
    }

    /** One link on its own (a gateway without the application). */
    public AmiLinkHealthIndicator(AmiGateway gateway) {
        this.gateways = List.of(gateway);
    }

    @Override
    public Health health() {
        if (gateways.size() == 1) {
            return linkHealth(gateways.get(0)).build();
        }
        boolean up = true;
        int owned = 0;
        Map<String, Object> details = new LinkedHashMap<>();
        for (AmiGateway gateway : gateways) {
            Health link = linkHealth(gateway).build();
            up &= link.getStatus().equals(Health.up().build().getStatus());
            owned += gateway.ownsLink() ? 1 : 0;
            details.put(gateway.pbx(), link.getDetails());
        }
        return (up ? Health.up() : Health.down())
                .withDetail("linksOwned", owned)
                .withDetail("links", details)
                .build();
    }

    private static Health.Builder linkHealth(AmiGateway gateway) {
        LinkStatus status = gateway.linkStatus();
        boolean healthy = status.state() == LinkStatus.State.UP || status.state() == LinkStatus.State.STANDBY;
        Health.Builder health = healthy ? Health.up() : Health.down();
        health.withDetail("pbx", gateway.address())
                .withDetail("id", gateway.pbx())
                .withDetail("owned", gateway.ownsLink())
                .withDetail("state", status.state().name())
                .withDetail("since", status.since().toString())
                .withDetail("connects", status.connects())
                .withDetail("activeCalls", gateway.activeCalls())
                .withDetail("droppedEvents", gateway.droppedEvents());
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError());
        }
        return health;
    }
}
