package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.call.CallEventSink;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.LinkOwnership;
import io.switchboard.gateway.call.PbxCallIds;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.Pbxes.Trunk;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configured PBX link of this node, each with its own tracker: {@code switchboard.pbxes}, or the single
 * {@code switchboard.ami} link named {@link PbxCallIds#DEFAULT_PBX}. Each link opens only on the node that owns it.
 * Commands for any of them, wherever their link is, go through {@link io.switchboard.gateway.call.Pbxes}.
 */
public final class PbxLinks implements AutoCloseable {

    private final Map<String, AmiGateway> gateways = new LinkedHashMap<>();
    private final List<Trunk> trunks;
    private final LinkOwnership ownership;

    public PbxLinks(
            AmiProperties ami,
            PbxLinksProperties pbxes,
            LinkOwnership ownership,
            CallTrackerSettings settings,
            CallEventSink sink,
            MeterRegistry registry) {
        this.ownership = ownership;
        if (pbxes.pbxes().isEmpty()) {
            gateways.put(
                    PbxCallIds.DEFAULT_PBX,
                    new AmiGateway(PbxCallIds.DEFAULT_PBX, ownership, ami.requireSecret(), settings, sink, registry));
        }
        for (PbxLinksProperties.Pbx pbx : pbxes.pbxes()) {
            gateways.put(pbx.id(), new AmiGateway(pbx.id(), ownership, pbx.over(ami), settings, sink, registry));
        }
        this.trunks = pbxes.pbxes().isEmpty()
                ? List.of(new Trunk(PbxCallIds.DEFAULT_PBX, 0))
                : pbxes.pbxes().stream()
                        .map(pbx -> new Trunk(pbx.id(), pbx.maxConcurrentCallsOrNone()))
                        .toList();
        Gauge.builder("switchboard.ami.links.owned", this::owned)
                .description("PBX links this node owns (reads and commands)")
                .register(registry);
    }

    public PbxLinks start() {
        gateways.values().forEach(AmiGateway::start);
        return this;
    }

    /** The first PBX: the default one, or the first listed. */
    public AmiGateway primary() {
        return gateways.values().iterator().next();
    }

    public List<AmiGateway> all() {
        return List.copyOf(gateways.values());
    }

    /** The PBX of this id, or a {@link PbxCommandException} naming it when none is configured. */
    public AmiGateway pbx(String id) {
        AmiGateway gateway = gateways.get(id);
        if (gateway == null) {
            throw new PbxCommandException("No PBX '" + id + "' is configured");
        }
        return gateway;
    }

    /** The PBX of this id, if one is configured. */
    public Optional<AmiGateway> find(String id) {
        return Optional.ofNullable(gateways.get(id));
    }

    /** Every PBX with its trunk limit for campaigns, in configuration order. */
    public List<Trunk> trunks() {
        return trunks;
    }

    /** Each configured PBX by id, in order, and whether this node owns its link now. */
    public Map<String, Boolean> linksOwned() {
        Map<String, Boolean> owned = new LinkedHashMap<>();
        gateways.forEach((id, gateway) -> owned.put(id, gateway.ownsLink()));
        return owned;
    }

    /**
     * At a graceful stop with other nodes alive: gives up every link this node owns while still reading them, waits
     * (at most {@code max}) until other nodes hold them all, then reads on for {@code overlap} more, the time the new
     * owners take to log in and read the PBXes' listings. A call that ends during the handover is thus seen by this
     * node (it logs the call) or picked up by the next owner's resync; one that both nodes see is logged once (the
     * call log is unique per call). Without other nodes it does nothing and {@link #close} releases the links.
     */
    public void handOver(Duration max, Duration overlap) {
        if (!ownership.othersAlive()) {
            return;
        }
        ownership.leave();
        List<AmiGateway> released = gateways.values().stream()
                .filter(AmiGateway::releaseKeepingSession)
                .toList();
        if (released.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (System.nanoTime() < deadline
                    && !released.stream().allMatch(gateway -> ownership.heldByAnother(gateway.pbx()))) {
                Thread.sleep(50); // polls the lease table: the next owner writes its lease there
            }
            Thread.sleep(overlap.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the database is away: the links are released; close logs off
        }
    }

    /** How many links this node owns now. */
    public int owned() {
        return (int) gateways.values().stream().filter(AmiGateway::ownsLink).count();
    }

    @Override
    public void close() {
        gateways.values().forEach(AmiGateway::close);
    }
}
